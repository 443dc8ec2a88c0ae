namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>gitspaces/get</c>.</summary>
public sealed record GetGitspaceParams
{
    /// <summary>Gets the gitspace id.</summary>
    public required string Id { get; init; }
}
