using Gitspaces.Protocol;
using Gitspaces.Server.Cli;

namespace Gitspaces.Server.Tests.Cli;

/// <summary>`up --wait-for`: when a hook counts as run, from the events the lifecycle commands report.</summary>
public sealed class LifecycleWaitTests
{
    [Fact]
    public void AHookHasRunWhenACommandOfALaterHookStarts()
    {
        var wait = new LifecycleWait("updateContentCommand");

        wait.OnEvent("g", Event(EventTypes.LifecycleCommandStart, "Running updateContentCommand from devcontainer.json: make"));
        wait.OnEvent("g", Event(EventTypes.LifecycleCommandCompleted, "Ran updateContentCommand from devcontainer.json in 0.1 s"));
        Assert.False(wait.Passed.IsCompleted);

        wait.OnEvent("g", Event(EventTypes.LifecycleCommandStart, "Running postCreateCommand from Feature 'x': echo"));
        Assert.True(wait.Passed.IsCompletedSuccessfully);
    }

    [Fact]
    public void AFailedCommandEndsTheWait()
    {
        var wait = new LifecycleWait("postStartCommand");

        wait.OnEvent("g", Event(EventTypes.LifecycleCommandFailed, "postCreateCommand from devcontainer.json failed with exit code 3: exit 3"));

        Assert.True(wait.Passed.IsCompletedSuccessfully);
    }

    [Fact]
    public void WaitingForEveryHookEndsOnlyOnAFailure()
    {
        var wait = new LifecycleWait(LifecycleWait.All);

        foreach (var hook in LifecycleWait.Hooks)
        {
            wait.OnEvent("g", Event(EventTypes.LifecycleCommandStart, $"Running {hook} from devcontainer.json: true"));
        }

        Assert.False(wait.Passed.IsCompleted);
    }

    [Theory]
    [InlineData(GitspaceState.Running, GitspaceReadiness.Ready, 0)]
    [InlineData(GitspaceState.Running, GitspaceReadiness.StartError, 1)]
    [InlineData(GitspaceState.Error, null, 1)]
    public void TheOutcomeFailsWhenALifecycleCommandFailed(GitspaceState state, GitspaceReadiness? readiness, int exitCode)
    {
        var gitspace = new Gitspace
        {
            Id = "g",
            Name = "g",
            Provider = "docker",
            Repository = new GitspaceRepository { Url = "/r" },
            Ide = Ides.VsCode,
            State = state,
            Readiness = readiness,
            ErrorMessage = readiness is null && state == GitspaceState.Running ? null : "postCreateCommand from devcontainer.json failed with exit code 3: exit 3",
            CreatedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        };

        Assert.Equal(exitCode, new CliOutput(json: true, verbose: false).Success(gitspace, "is up"));
    }

    private static GitspaceEvent Event(string type, string message) => new() { Type = type, Message = message, Timestamp = DateTimeOffset.UnixEpoch };
}
