namespace Gitspaces.Protocol;

/// <summary>Result of <c>gitspaces/delete</c>.</summary>
public sealed record DeleteGitspaceResult
{
    /// <summary>Gets the id of the deleted gitspace.</summary>
    public required string Id { get; init; }

    /// <summary>Gets a value indicating whether the gitspace existed and is now gone.</summary>
    public required bool Deleted { get; init; }
}
