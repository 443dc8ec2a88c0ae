namespace Gitspaces.Protocol;

/// <summary>Result of <c>gitspaces/update</c>.</summary>
public sealed record UpdateGitspaceResult
{
    /// <summary>Gets the gitspace as it is now.</summary>
    public required Gitspace Gitspace { get; init; }
}
