namespace Gitspaces.Protocol;

/// <summary>Result of <c>gitspaces/start</c>.</summary>
public sealed record StartGitspaceResult
{
    /// <summary>Gets the gitspace as it is now.</summary>
    public required Gitspace Gitspace { get; init; }
}
