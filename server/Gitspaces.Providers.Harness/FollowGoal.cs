namespace Gitspaces.Providers.Harness;

/// <summary>The end state an operation waits for.</summary>
internal enum FollowGoal
{
    /// <summary>Start: <c>running</c>.</summary>
    Running,

    /// <summary>Stop: <c>stopped</c>.</summary>
    Stopped,

    /// <summary>Reset: the instance is gone and the config <c>uninitialized</c>.</summary>
    Reset,

    /// <summary>Delete: the gitspace is gone (404).</summary>
    Deleted,
}
