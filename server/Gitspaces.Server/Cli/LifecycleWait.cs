using Gitspaces.Core.Operations;
using Gitspaces.Protocol;

namespace Gitspaces.Server.Cli;

/// <summary>
/// Tells <c>up --wait-for &lt;hook&gt;</c> when that hook has run: a command of a later hook has started, or a command
/// failed (the work left after the operation ending is the caller's other signal).
/// </summary>
internal sealed class LifecycleWait : IGitspaceObserver
{
    /// <summary>The hook after which <c>up</c> returns by default: all of them, as the reference's <c>up</c> runs them.</summary>
    public const string All = "postAttachCommand";

    private readonly int index;
    private readonly TaskCompletionSource passed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LifecycleWait(string hook)
    {
        this.index = Array.IndexOf(Hooks, hook);
    }

    /// <summary>Gets the container hooks in the order they run, the values <c>--wait-for</c> takes.</summary>
    public static string[] Hooks { get; } = ["onCreateCommand", "updateContentCommand", "postCreateCommand", "postStartCommand", All];

    /// <summary>Gets a task that completes once the hook has run.</summary>
    public Task Passed => this.passed.Task;

    public void OnChanged(Gitspace gitspace)
    {
    }

    public void OnEvent(string gitspaceId, GitspaceEvent gitspaceEvent)
    {
        if (gitspaceEvent.Type == EventTypes.LifecycleCommandFailed)
        {
            this.passed.TrySetResult();
        }
        else if (gitspaceEvent.Type == EventTypes.LifecycleCommandStart)
        {
            // Lifecycle runners name the hook first: "Running <hook> from <origin>: <command>".
            for (var later = this.index + 1; later < Hooks.Length; later++)
            {
                if (gitspaceEvent.Message.StartsWith($"Running {Hooks[later]} ", StringComparison.Ordinal))
                {
                    this.passed.TrySetResult();
                }
            }
        }
    }

    public void OnLog(string gitspaceId, LogLine line)
    {
    }
}
