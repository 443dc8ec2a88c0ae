using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

[Collection(DockerTests.Name)]
public sealed class RebuildTests(DockerEnvironment environment)
{
    [Fact]
    public async Task ADockerfileGitspaceRunsCommandsAsTheRemoteUser_RebuildKeepsTheWorkspaceAndReadsTheFoldersConfig_DeleteRemovesTheImage()
    {
        var repo = environment.Repository("built", Configs.Files(
            """
            {
              "build": { "dockerfile": "Dockerfile", "args": { "GREETING": "hello-arg" } },
              "remoteUser": "dev",
              "containerEnv": { "FROM_CONFIG": "first" },
              "postCreateCommand": "whoami > who.txt && touch created-by-postcreate",
            }
            """,
            (".devcontainer/Dockerfile", $"FROM {DockerEnvironment.BaseImage}\nARG GREETING\nRUN useradd -m dev && echo $GREETING > /greeting\n")));
        using var sandbox = new Sandbox();
        var id = environment.Name("built");
        var container = "gitspace-" + id;

        var created = await sandbox.CreateAsync(id, repo);
        await sandbox.Provider.DrainAsync(id);

        Assert.Equal("dev", created.RemoteUser);
        Assert.Equal("dev", DockerCli.Docker("exec", container, "cat", "/workspaces/built/who.txt"));
        Assert.Equal("hello-arg", DockerCli.Docker("exec", container, "cat", "/greeting"));
        Assert.Equal("dev dev", DockerCli.Docker("exec", container, "stat", "-c", "%U %G", "/workspaces/built/README.md"));
        var firstContainer = DockerCli.Docker("inspect", "-f", "{{.Id}}", container);

        // The image's /etc/passwd was read once and is kept by image id for the next container made from it.
        var imageId = DockerCli.Docker("inspect", "-f", "{{.Image}}", container);
        var cachedPasswd = Path.Combine(sandbox.Paths.DataDirectory, "docker", "images", imageId.Replace(':', '-') + ".passwd");
        Assert.Contains(File.ReadAllLines(cachedPasswd), l => l.StartsWith("dev:x:", StringComparison.Ordinal));

        // Work done in the gitspace stays; the configuration is read from the user's folder (never from the workspace
        // volume, which a process in the container can write).
        DockerCli.Docker("exec", container, "sh", "-c", "echo precious > /workspaces/built/mine.txt");
        var config = Path.Combine(repo, ".devcontainer", "devcontainer.json");
        await File.WriteAllTextAsync(config, (await File.ReadAllTextAsync(config)).Replace("\"first\"", "\"second\"", StringComparison.Ordinal));

        var rebuilt = await sandbox.Service.RebuildAsync(id, null, CancellationToken.None);
        await sandbox.Provider.DrainAsync(id);

        Assert.Equal(GitspaceState.Running, rebuilt.State);
        Assert.NotEqual(firstContainer, DockerCli.Docker("inspect", "-f", "{{.Id}}", container));
        Assert.Equal("precious", DockerCli.Docker("exec", container, "cat", "/workspaces/built/mine.txt"));
        Assert.Equal("second", DockerCli.Docker("exec", container, "printenv", "FROM_CONFIG"));
        Assert.Equal("dev", DockerCli.Docker("exec", container, "cat", "/workspaces/built/who.txt"));
        Assert.Single(DockerCli.Docker("images", "-q", "--filter", "label=dev.gitspaces.id=" + id).Split('\n', StringSplitOptions.RemoveEmptyEntries));

        // Removed behind our back: the gitspace is still listed (from its volume), and start re-creates the container.
        DockerCli.Docker("rm", "-f", container);
        var orphan = await sandbox.Service.GetAsync(id, CancellationToken.None);
        Assert.Equal(GitspaceState.Error, orphan.State);
        Assert.Contains("container is gone", orphan.ErrorMessage, StringComparison.Ordinal);
        var restarted = await sandbox.Service.StartAsync(id, null, CancellationToken.None);
        Assert.Equal(GitspaceState.Running, restarted.State);
        Assert.Equal("precious", DockerCli.Docker("exec", container, "cat", "/workspaces/built/mine.txt"));

        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
        Assert.False(DockerCli.Exists("container", container));
        Assert.False(DockerCli.Exists("volume", $"gitspace-{id}-workspace"));
        Assert.Empty(DockerCli.Docker("images", "-q", "--filter", "label=dev.gitspaces.id=" + id));
        Assert.False(File.Exists(cachedPasswd), "the removed image's passwd is forgotten with it");
    }

    [Fact]
    public async Task RebuildOfAUrlFetchesTheBranchHeadAndSaysWhichCommitItUsed()
    {
        var repo = environment.Repository("fetched", Configs.Files(Configs.Image("""
            "containerEnv": { "FROM_CONFIG": "first" },
            """)));
        using var sandbox = new Sandbox();
        var id = environment.Name("fetched");
        await sandbox.CreateAsync(id, environment.GitUrl("fetched"));

        // Pushed after the gitspace was made: the rebuild reads it.
        await File.WriteAllTextAsync(Path.Combine(repo, Configs.Path), Configs.Image("""
            "containerEnv": { "FROM_CONFIG": "second" },
            """));
        Assert.Equal(0, DockerCli.RunIn(repo, "git", "-c", "user.email=t@gitspaces.dev", "-c", "user.name=t", "commit", "-qam", "second").ExitCode);
        var head = DockerCli.RunIn(repo, "git", "rev-parse", "HEAD").Output.Trim();

        await sandbox.Service.RebuildAsync(id, null, CancellationToken.None);

        Assert.Equal("second", DockerCli.Docker("exec", "gitspace-" + id, "printenv", "FROM_CONFIG"));
        Assert.Contains(await sandbox.Service.GetEventsAsync(id, CancellationToken.None), e => e.Message.StartsWith("Rebuilding from .devcontainer/devcontainer.json", StringComparison.Ordinal) && e.Message.Contains("main at " + head[..12], StringComparison.Ordinal));
        Assert.Equal(head, DockerCli.Docker("inspect", "-f", "{{index .Config.Labels \"dev.gitspaces.commit\"}}", "gitspace-" + id));
        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
    }
}
