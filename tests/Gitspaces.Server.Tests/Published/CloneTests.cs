using System.Text.Json.Nodes;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Published;

/// <summary>
/// LibGit2Sharp and its native libgit2 in the published program, over each transport a user clones with: a file URL,
/// git://, smart HTTPS (the platform's TLS, a login from the user's git credential helper) and SSH (the user's OpenSSH
/// with their key and known_hosts, through <c>GIT_SSH_COMMAND</c>). <c>devcontainer read &lt;url&gt;</c> clones
/// with the same cloner as <c>up</c> and starts no container; <c>up</c> proves the whole path over HTTPS. A local
/// folder is cloned by <see cref="ProgressOutputTests"/>' <c>up</c>.
/// </summary>
[Collection(PublishedProgramTests.Name)]
public sealed class CloneTests(DockerTestRun run)
{
    [Fact]
    public async Task A_file_url_is_cloned()
    {
        await using var user = await PublishedUser.CreateAsync();
        var repository = await MarkedRepositoryAsync("by-file-url");

        var read = await user.RunAsync(["devcontainer", "read", new Uri(repository).AbsoluteUri, "--json"]);

        Assert.Equal(NameIn(repository), ConfiguredName(read));
    }

    [Fact]
    public async Task A_git_url_is_cloned_from_git_daemon()
    {
        await using var user = await PublishedUser.CreateAsync();
        var repository = await MarkedRepositoryAsync("by-git-daemon");
        using var daemon = new GitDaemon(Path.GetDirectoryName(repository)!);

        var read = await user.RunAsync(["devcontainer", "read", daemon.UrlOf(Path.GetFileName(repository)), "--json"]);

        Assert.Equal(NameIn(repository), ConfiguredName(read));
    }

    [Fact]
    public async Task An_ssh_url_is_cloned_through_the_users_openssh_with_their_key_and_known_hosts()
    {
        await using var user = await PublishedUser.CreateAsync();
        var repository = await MarkedRepositoryAsync("by-ssh");
        await using var server = await SshGitServer.StartAsync(run.Name("ssh-git"), repository);
        user.Environment["GIT_SSH_COMMAND"] = server.SshCommand;

        var read = await user.RunAsync(["devcontainer", "read", server.UrlOf(Path.GetFileName(repository)), "--json"]);

        Assert.Equal(NameIn(repository), ConfiguredName(read));
    }

    [Fact]
    public async Task An_ssh_server_whose_host_key_the_user_does_not_know_is_refused_with_ssh_telling_why()
    {
        await using var user = await PublishedUser.CreateAsync();
        var repository = await MarkedRepositoryAsync("unknown-host");
        await using var server = await SshGitServer.StartAsync(run.Name("ssh-unknown"), repository);
        var emptyKnownHosts = Path.Combine(user.Home, "known_hosts");
        await File.WriteAllTextAsync(emptyKnownHosts, string.Empty);
        user.Environment["GIT_SSH_COMMAND"] = server.SshCommand.Replace(server.KnownHostsFile, emptyKnownHosts, StringComparison.Ordinal);
        var url = server.UrlOf(Path.GetFileName(repository));

        var (line, up) = await user.UpJsonAsync(url, run.Name("ssh-unknown"));

        // libgit2 runs the user's ssh, which says why on stderr (the user's terminal, or the editor's log of the
        // sidecar); the error itself carries only libgit2's words.
        Assert.True(up.ExitCode == 1, up.ToString());
        Assert.Equal(ErrorCodes.RepositoryUnavailable, line["error"]!["code"]!.GetValue<int>());
        Assert.StartsWith($"Could not clone {url}: ", line["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Host key verification failed.", up.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", up.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_clones_over_https_with_the_login_from_the_users_git_credential_helper()
    {
        await using var user = await PublishedUser.CreateAsync();
        var repository = await TestRepository.CreatePlainAsync("by-https");
        const string login = "https-tester:https-s3cr3t";
        using var http = new HttpGitServer(repository, requiredLogin: login);
        using var tls = new TlsTerminator(new Uri(http.Url));
        var url = tls.UrlOf(new Uri(http.Url).AbsolutePath);

        // The user's own setup: git's store helper holds the login; the platform's TLS trusts the server's authority.
        var store = Path.Combine(user.Home, ".git-credentials");
        await File.WriteAllTextAsync(store, $"https://{login}@127.0.0.1:{tls.Port}\n");
        await File.WriteAllTextAsync(user.Environment["GIT_CONFIG_GLOBAL"], $"[credential]\n\thelper = store --file={store}\n");
        user.Environment["SSL_CERT_FILE"] = tls.CertificateFile;

        var (line, up) = await user.UpJsonAsync(url, run.Name("https"));

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Equal("success", line["outcome"]!.GetValue<string>());
        Assert.Equal(url, line["gitspace"]!["repository"]!["url"]!.GetValue<string>());
        Assert.Equal(await TestRepository.HeadAsync(repository), line["gitspace"]!["repository"]!["commit"]!.GetValue<string>());
        Assert.Contains(login, http.Logins);
        Assert.DoesNotContain("s3cr3t", up.StandardOutput + up.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_url_without_a_repository_is_a_clear_RepositoryUnavailable()
    {
        await using var user = await PublishedUser.CreateAsync();
        var repository = await TestRepository.CreatePlainAsync("served");
        using var http = new HttpGitServer(repository);
        var wrong = new Uri(new Uri(http.Url), "no-such-repository.git").AbsoluteUri;

        var (line, up) = await user.UpJsonAsync(wrong, run.Name("wrong-url"));

        Assert.True(up.ExitCode == 1, up.ToString());
        Assert.Equal("error", line["outcome"]!.GetValue<string>());
        Assert.Equal(ErrorCodes.RepositoryUnavailable, line["error"]!["code"]!.GetValue<int>());
        Assert.StartsWith($"Could not clone {wrong}: ", line["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("clone", line["error"]!["data"]!["step"]!.GetValue<string>());
        Assert.DoesNotContain("Unhandled exception", up.StandardError, StringComparison.Ordinal);
        Assert.Empty(DockerCli.ContainersWithLabel("dev.gitspaces.id=" + run.Name("wrong-url")));
    }

    [Fact]
    public async Task A_local_repository_and_a_folder_inside_it_are_cloned_at_their_commit()
    {
        // libgit2's discovery hands its result back through a buffer Native AOT never copies back: the published program
        // finds the repository a folder is in by itself, and a repository is cloned, never copied as a plain folder.
        await using var user = await PublishedUser.CreateAsync();
        var repository = await TestRepository.CreateAsync("local-and-sub", new Dictionary<string, string>
        {
            [".devcontainer/devcontainer.json"] = TestRepository.PlainImageConfig,
            ["api/.devcontainer/devcontainer.json"] = TestRepository.PlainImageConfig,
            ["api/main.txt"] = "api\n",
        });
        var head = await TestRepository.HeadAsync(repository);

        var (root, rootUp) = await user.UpJsonAsync(repository, run.Name("local-root"));
        var (sub, subUp) = await user.UpJsonAsync(Path.Combine(repository, "api"), run.Name("local-sub"));

        Assert.True(rootUp.ExitCode == 0, rootUp.ToString());
        Assert.True(subUp.ExitCode == 0, subUp.ToString());
        Assert.Equal(head, root["gitspace"]!["repository"]!["commit"]!.GetValue<string>());
        Assert.Equal("main", root["gitspace"]!["repository"]!["branch"]!.GetValue<string>());
        Assert.Equal(head, sub["gitspace"]!["repository"]!["commit"]!.GetValue<string>());
        Assert.Equal(repository, sub["gitspace"]!["repository"]!["url"]!.GetValue<string>());
        Assert.Equal($"/workspaces/{Path.GetFileName(repository)}/api", sub["gitspace"]!["workspaceFolder"]!.GetValue<string>());
    }

    private static async Task<string> MarkedRepositoryAsync(string name) =>
        await TestRepository.CreateAsync(name, new Dictionary<string, string>
        {
            [".devcontainer/devcontainer.json"] = $$"""{ "name": "{{name}}-{{Guid.NewGuid():N}}", "image": "{{DockerTestRun.BaseImage}}" }""",
        });

    private static string NameIn(string repository) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(repository, ".devcontainer", "devcontainer.json")))!["name"]!.GetValue<string>();

    private static string ConfiguredName(ProcessResult read)
    {
        Assert.True(read.ExitCode == 0, read.ToString());
        return PublishedUser.SingleJsonLine(read)["configuration"]!["name"]!.GetValue<string>();
    }
}
