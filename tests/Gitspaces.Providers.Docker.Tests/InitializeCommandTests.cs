using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

[Collection(DockerTests.Name)]
public sealed class InitializeCommandTests(DockerEnvironment environment)
{
    [Fact]
    public async Task ForALocalFolderEveryFormRunsOnThisMachineInTheRepositoryBeforeTheWorkspaceIsFilled()
    {
        var repo = environment.Repository("init-local", Configs.Files(Configs.Image("""
            "initializeCommand": {
              "shell": "echo from-shell > made-by-shell.txt && echo init-shell-output",
              "exec": ["touch", "made by exec $HOME"]
            },
            "postCreateCommand": "ls /workspaces/init-local",
            """)));
        using var sandbox = new Sandbox();
        var id = environment.Name("initlocal");

        await sandbox.CreateAsync(id, repo);

        // Files the command made on this machine are in the workspace volume; the array form had no shell to expand $HOME.
        var listing = DockerCli.Docker("exec", "gitspace-" + id, "ls", "/workspaces/init-local").Split('\n');
        Assert.Contains("made-by-shell.txt", listing);
        Assert.Contains("made by exec $HOME", listing);
        var log = sandbox.LogText(id);
        Assert.Contains("[shell] init-shell-output", log);
        var events = (await sandbox.Service.GetEventsAsync(id, CancellationToken.None)).ToList();
        var initialize = events.FindIndex(e => e.Type == EventTypes.LifecycleCommandStart && e.Message.StartsWith("Running initializeCommand on this machine", StringComparison.Ordinal));
        Assert.True(initialize >= 0 && initialize < events.FindIndex(e => e.Type == EventTypes.AgentGitspaceCreationStart));

        // A rebuild runs it again.
        await sandbox.Service.RebuildAsync(id, null, CancellationToken.None);
        Assert.Equal(2, (await sandbox.Service.GetEventsAsync(id, CancellationToken.None)).Count(e => e.Message.StartsWith("Running initializeCommand", StringComparison.Ordinal)));
        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
    }

    [Fact]
    public async Task AFailingInitializeCommandNamesTheCommandAndLeavesNothing()
    {
        var repo = environment.Repository("init-failing", Configs.Files(Configs.Image("""
            "initializeCommand": "echo init-going-wrong >&2; exit 3",
            """)));
        using var sandbox = new Sandbox();
        var id = environment.Name("initfail");

        var error = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(id, repo));

        Assert.Equal(ErrorCodes.OperationFailed, error.Code);
        Assert.Equal("initializeCommand", error.Details.Step);
        Assert.Equal("initializeCommand failed on this machine with exit code 3: echo init-going-wrong >&2; exit 3", error.Message);
        Assert.Equal(["init-going-wrong"], error.Details.Log);
        await sandbox.AssertNothingLeftAsync(id);
    }
}
