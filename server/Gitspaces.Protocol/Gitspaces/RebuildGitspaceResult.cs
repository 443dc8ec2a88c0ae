namespace Gitspaces.Protocol;

/// <summary>Result of <c>gitspaces/rebuild</c>.</summary>
public sealed record RebuildGitspaceResult
{
    /// <summary>Gets the gitspace as it is now.</summary>
    public required Gitspace Gitspace { get; init; }
}
