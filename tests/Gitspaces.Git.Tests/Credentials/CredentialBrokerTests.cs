using System.Net.Sockets;
using Gitspaces.Git.Credentials;
using Gitspaces.TestSupport;

namespace Gitspaces.Git.Tests.Credentials;

/// <summary>
/// The channel's two ends on this machine, real on both sides: the helper script the gitspace gets, run by sh with
/// git's own credential-cache client, against the broker, which runs the real <c>git credential</c> with a user
/// configuration and helper of the test's own (through <c>GIT_CONFIG_GLOBAL</c>, not the process's).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CredentialBrokerTests : IAsyncLifetime
{
    private readonly string folder = TempDirectory.Create("cred-broker");
    private readonly List<CredentialBroker> brokers = [];

    private string Sockets => Path.Combine(this.folder, "sockets");

    private string HelperScript => Path.Combine(this.folder, "git-credential-gitspaces");

    private string UserHelperLog => Path.Combine(this.folder, "asked.txt");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(this.Sockets);
        await File.WriteAllTextAsync(this.HelperScript, ContainerCredentialHelper.HelperScript);
        File.SetUnixFileMode(this.HelperScript, (UnixFileMode)0b111_101_101);
    }

    public async Task DisposeAsync()
    {
        foreach (var broker in this.brokers)
        {
            await broker.DisposeAsync();
        }

        Directory.Delete(this.folder, recursive: true);
    }

    [Fact]
    public async Task GetIsAnsweredByTheUsersOwnHelper_AndGitSeesNoLineOfOurs()
    {
        this.Listen(this.UserConfig(this.UserHelper("echo username=alice; echo password=s3cr3t")));

        var result = await this.RunHelperAsync("get", "protocol=https\nhost=example.com\npath=org/repo.git\n");

        Assert.Equal("username=alice\npassword=s3cr3t\n", Filter(result.StandardOutput, "username=", "password="));
        Assert.DoesNotContain("gitspaces-", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StandardError);
        var asked = await File.ReadAllTextAsync(this.UserHelperLog);
        Assert.Contains("get\n", asked, StringComparison.Ordinal);
        Assert.Contains("host=example.com\n", asked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreAndEraseReachTheUsersHelperWithThePassword()
    {
        this.Listen(this.UserConfig(this.UserHelper("true")));

        var store = await this.RunHelperAsync("store", "protocol=https\nhost=example.com\nusername=alice\npassword=s3cr3t\n");
        var erase = await this.RunHelperAsync("erase", "protocol=https\nhost=example.com\nusername=alice\npassword=s3cr3t\n");

        Assert.Equal(0, store.ExitCode);
        Assert.Equal(0, erase.ExitCode);
        var asked = await File.ReadAllTextAsync(this.UserHelperLog);
        Assert.Contains("store\n", asked, StringComparison.Ordinal);
        Assert.Contains("erase\n", asked, StringComparison.Ordinal);
        Assert.Contains("password=s3cr3t\n", asked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAHelperOnTheMachineGitIsToldSo()
    {
        this.Listen(this.UserConfig(null));

        var result = await this.RunHelperAsync("get", "protocol=https\nhost=example.com\n");

        Assert.DoesNotContain("password=", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("gitspaces: No git credential helper is set up on", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHelperThatFailsIsReportedWithWhatItSaid()
    {
        this.Listen(this.UserConfig(this.UserHelper("echo 'keychain is locked' >&2; exit 1")));

        var result = await this.RunHelperAsync("get", "protocol=https\nhost=example.com\n");

        Assert.DoesNotContain("password=", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("has no login for https://example.com (it said: keychain is locked)", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHelperThatHangsIsKilledAfterThePatience()
    {
        this.Listen(this.UserConfig(this.UserHelper("sleep 600")), TimeSpan.FromSeconds(1));

        var result = await this.RunHelperAsync("get", "protocol=https\nhost=example.com\n");

        Assert.Contains("did not answer within 1 s", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenNobodyListensGitGetsAMessageAtOnce_AndTheDeadSocketGoes()
    {
        var dead = Path.Combine(this.Sockets, "gitspaces-credentials-dead.sock");
        using (var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            socket.Bind(new UnixDomainSocketEndPoint(dead));
        }

        var result = await this.RunHelperAsync("get", "protocol=https\nhost=example.com\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.StandardOutput);
        Assert.Equal(ContainerCredentialHelper.NobodyAnswered + "\n", result.StandardError);
        Assert.False(File.Exists(dead));
    }

    [Fact]
    public async Task ALifecycleCommandsGitWaitsForTheChannelThatIsStillOpening()
    {
        // No socket yet: the sidecar's SSH connection opens beside the command, which says how long to wait.
        var environment = new Dictionary<string, string> { ["GITSPACES_CREDENTIALS_DIR"] = this.Sockets, [ContainerCredentialHelper.WaitVariable] = "60" };
        var asking = Run.ProgramAsync("sh", [this.HelperScript, "get"], stdin: "protocol=https\nhost=example.com\n", environment: environment);
        // The helper is waiting once it sleeps between looks for a socket (it would have answered at once otherwise).
        while (!this.HelperSleepsForASocket())
        {
            Assert.False(asking.IsCompleted, "the helper ended instead of waiting for a socket");
            await Task.Delay(20);
        }

        this.Listen(this.UserConfig(this.UserHelper("echo username=alice; echo password=later")));

        var result = await asking;

        Assert.Equal("username=alice\npassword=later\n", Filter(result.StandardOutput, "username=", "password="));
    }

    [Fact]
    public async Task AChannelThatNeverOpensEndsTheWaitWithTheMessage()
    {
        var environment = new Dictionary<string, string> { ["GITSPACES_CREDENTIALS_DIR"] = this.Sockets, [ContainerCredentialHelper.WaitVariable] = "1" };

        var result = await Run.ProgramAsync("sh", [this.HelperScript, "get"], stdin: "protocol=https\nhost=example.com\n", environment: environment);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.StandardOutput);
        Assert.Contains(ContainerCredentialHelper.NobodyAnswered, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestOfAnotherVersionIsRefusedWithAMessage()
    {
        var broker = this.Listen(this.UserConfig(this.UserHelper("echo username=a; echo password=b")));

        var result = await Run.ProgramAsync("git", ["credential-cache", "--socket", broker.SocketPath, "get"], stdin: "gitspaces=9\ngitspaces-action=fill\nhost=h\n");

        Assert.Contains("gitspaces-status=error\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("password=", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealGitLsRemoteThroughTheHelperLogsIntoAServerWhosePasswordOnlyTheUsersHelperKnows()
    {
        var repository = Path.Combine(this.folder, "served", "repo.git");
        await Run.CheckedAsync("git", ["init", "-q", "--bare", repository]);
        using var server = new HttpGitServer(repository, "alice:only-the-host-knows");
        this.Listen(this.UserConfig(this.UserHelper("echo username=alice; echo password=only-the-host-knows")));

        // The "gitspace's" git: no configuration but our helper.
        var inside = Path.Combine(this.folder, "inside.gitconfig");
        await File.WriteAllTextAsync(inside, $"[credential]\n\thelper = {this.HelperScript}\n");
        var result = await Run.ProgramAsync("git", ["ls-remote", server.Url], environment: new Dictionary<string, string>
        {
            ["GIT_CONFIG_GLOBAL"] = inside,
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GITSPACES_CREDENTIALS_DIR"] = this.Sockets,
        });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("alice:only-the-host-knows", server.Logins);
    }

    [Fact]
    public async Task TheDockerHelperGetsARegistryLoginOnlyForAGitspaceThatOptedIn()
    {
        var script = Path.Combine(this.folder, "docker-credential-gitspaces");
        await File.WriteAllTextAsync(script, ContainerCredentialHelper.DockerHelperScript);
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        var environment = new Dictionary<string, string> { ["GITSPACES_CREDENTIALS_DIR"] = this.Sockets };
        var git = new HostGitCredentials(new Dictionary<string, string?> { ["GIT_CONFIG_GLOBAL"] = this.UserConfig(null), ["GIT_CONFIG_NOSYSTEM"] = "1" });

        var refused = this.Link(CredentialBroker.Listen(new CredentialResponder(git).AnswerAsync, parent: this.folder));
        var before = await Run.ProgramAsync("sh", [script, "get"], stdin: "ghcr.io\n", environment: environment);
        await refused.DisposeAsync();
        this.brokers.Remove(refused);
        this.Link(CredentialBroker.Listen(new CredentialResponder(git, (host, _) => Task.FromResult<(string, string)?>(host == "ghcr.io" ? ("bob", "reg\"istry") : null)).AnswerAsync, parent: this.folder));
        var after = await Run.ProgramAsync("sh", [script, "get"], stdin: "https://ghcr.io/v2/\n", environment: environment);
        var unknown = await Run.ProgramAsync("sh", [script, "get"], stdin: "quay.io\n", environment: environment);

        Assert.Equal(1, before.ExitCode);
        Assert.Contains("has not opted in", before.StandardError, StringComparison.Ordinal);
        Assert.Equal("credentials not found in native keychain\n", before.StandardOutput);
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Equal("{\"ServerURL\":\"https://ghcr.io/v2/\",\"Username\":\"bob\",\"Secret\":\"reg\\u0022istry\"}\n", after.StandardOutput);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("You have no Docker login for quay.io", unknown.StandardError, StringComparison.Ordinal);
    }

    // A "sleep 0.1" whose parent is this test's helper script: the helper's wait loop, seen in /proc.
    private bool HelperSleepsForASocket()
    {
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(process, "cmdline")) != "sleep\u00000.1\u0000")
                {
                    continue;
                }

                var stat = File.ReadAllText(Path.Combine(process, "stat"));
                var parent = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1];
                if (File.ReadAllText($"/proc/{parent}/cmdline").Contains(this.HelperScript, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while it was read.
            }
        }

        return false;
    }

    private static string Filter(string text, params string[] prefixes) =>
        string.Concat(text.Split('\n').Where(l => prefixes.Any(p => l.StartsWith(p, StringComparison.Ordinal))).Select(l => l + "\n"));

    private CredentialBroker Listen(string userConfig, TimeSpan? patience = null)
    {
        var git = new HostGitCredentials(new Dictionary<string, string?> { ["GIT_CONFIG_GLOBAL"] = userConfig, ["GIT_CONFIG_NOSYSTEM"] = "1" }, patience);
        return this.Link(CredentialBroker.Listen(new CredentialResponder(git).AnswerAsync, parent: this.folder));
    }

    private CredentialBroker Link(CredentialBroker broker)
    {
        this.brokers.Add(broker);

        // The name the helper looks for, as ssh -R would make it inside a gitspace.
        File.CreateSymbolicLink(Path.Combine(this.Sockets, "gitspaces-credentials-" + Guid.NewGuid().ToString("N")[..8] + ".sock"), broker.SocketPath);
        return broker;
    }

    private string UserConfig(string? helper)
    {
        var path = Path.Combine(this.folder, "user.gitconfig");
        File.WriteAllText(path, helper is null ? string.Empty : $"[credential]\n\thelper = {helper}\n");
        return path;
    }

    private string UserHelper(string answer)
    {
        var path = Path.Combine(this.folder, "user-helper");
        File.WriteAllText(path, $"#!/bin/sh\n{{ echo \"$1\"; cat; }} >> '{this.UserHelperLog}'\n[ \"$1\" = get ] || exit 0\n{answer}\n");
        File.SetUnixFileMode(path, (UnixFileMode)0b111_000_000);
        return path;
    }

    private Task<ProcessResult> RunHelperAsync(string operation, string input) =>
        Run.ProgramAsync("sh", [this.HelperScript, operation], stdin: input, environment: new Dictionary<string, string> { ["GITSPACES_CREDENTIALS_DIR"] = this.Sockets });
}
