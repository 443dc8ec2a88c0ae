namespace Gitspaces.Protocol;

/// <summary>Where the workspace lives in the container and how it gets there.</summary>
public sealed record WorkspaceInfo
{
    /// <summary>Gets the folder inside the container the editor opens.</summary>
    public required string WorkspaceFolder { get; init; }

    /// <summary>Gets the mount that puts the sources there, in <c>--mount</c> syntax.</summary>
    public string? WorkspaceMount { get; init; }
}
