namespace Gitspaces.Protocol;

/// <summary>Result of <c>gitspaces/create</c>.</summary>
public sealed record CreateGitspaceResult
{
    /// <summary>Gets the gitspace as it is now.</summary>
    public required Gitspace Gitspace { get; init; }
}
