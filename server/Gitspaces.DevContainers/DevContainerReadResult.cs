using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Model;
using Gitspaces.DevContainers.Variables;

namespace Gitspaces.DevContainers;

/// <summary>What <see cref="DevContainerReader"/> found: the configuration as the reference prints it, typed, and every problem.</summary>
public sealed class DevContainerReadResult
{
    /// <summary>Gets the configuration exactly as <c>devcontainer read-configuration</c> prints its <c>configuration</c> member; null where the reference fails.</summary>
    public JsonObject? Configuration { get; init; }

    /// <summary>
    /// Gets the configuration as written (legacy properties migrated, no variable substituted); null when
    /// <see cref="Configuration"/> is. The reference writes devcontainer.json's entry of the <c>devcontainer.metadata</c>
    /// label from this, so that no value of the user's machine (<c>${localEnv:…}</c>, host paths) ends up in a label.
    /// Shared with the reader's diagnostics: read it, never change it.
    /// </summary>
    public JsonObject? RawConfiguration { get; init; }

    /// <summary>
    /// Gets the substitution the configuration was read with (<c>${localEnv:…}</c>, the workspace folders); null when
    /// <see cref="Configuration"/> is. The spec substitutes image and Feature metadata the same way as devcontainer.json.
    /// </summary>
    public LocalSubstitutionContext? Substitution { get; init; }

    /// <summary>Gets the same configuration, typed; null when <see cref="Configuration"/> is.</summary>
    public DevContainerConfig? Config { get; init; }

    /// <summary>Gets the workspace folder and mount; null when <see cref="Configuration"/> is.</summary>
    public DevContainerWorkspace? Workspace { get; init; }

    /// <summary>Gets the configuration file that was read (or looked for), absolute.</summary>
    public string? ConfigFilePath { get; init; }

    /// <summary>Gets the workspace folder that was read, absolute.</summary>
    public required string WorkspaceFolder { get; init; }

    /// <summary>Gets every problem found, errors first.</summary>
    public required IReadOnlyList<DevContainerDiagnostic> Diagnostics { get; init; }

    /// <summary>Gets every configuration of the workspace for pickers, relative to it, with forward slashes.</summary>
    public required IReadOnlyList<string> Candidates { get; init; }

    /// <summary>Gets the configuration merged with the image's metadata label (when one was given), in the reference's merged shape.</summary>
    public JsonObject? MergedConfiguration { get; init; }

    /// <summary>Gets a value indicating whether any diagnostic is an error.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var diagnostic in this.Diagnostics)
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
