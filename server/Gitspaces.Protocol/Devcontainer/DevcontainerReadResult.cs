using System.Text.Json;

namespace Gitspaces.Protocol;

/// <summary>Result of <c>devcontainer/read</c>.</summary>
public sealed record DevcontainerReadResult
{
    /// <summary>Gets the resolved configuration, shaped as <c>devcontainer read-configuration</c> prints it; absent when it could not be read.</summary>
    public JsonElement? Configuration { get; init; }

    /// <summary>Gets the workspace folder and mount; absent when the configuration could not be read.</summary>
    public WorkspaceInfo? Workspace { get; init; }

    /// <summary>Gets the configuration file that was read, absolute.</summary>
    public string? ConfigFilePath { get; init; }

    /// <summary>Gets every problem found, errors first.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>Gets every configuration file of the repository, relative to its root, for pickers.</summary>
    public required IReadOnlyList<string> Candidates { get; init; }
}
