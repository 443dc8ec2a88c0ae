namespace Gitspaces.Protocol;

/// <summary>Result of <c>gitspaces/stop</c>.</summary>
public sealed record StopGitspaceResult
{
    /// <summary>Gets the gitspace as it is now.</summary>
    public required Gitspace Gitspace { get; init; }
}
