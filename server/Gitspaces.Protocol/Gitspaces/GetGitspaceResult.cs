namespace Gitspaces.Protocol;

/// <summary>Result of <c>gitspaces/get</c>.</summary>
public sealed record GetGitspaceResult
{
    /// <summary>Gets the gitspace as it is now.</summary>
    public required Gitspace Gitspace { get; init; }
}
