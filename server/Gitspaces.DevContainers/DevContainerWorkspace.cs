using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers;

/// <summary>Where the workspace lives in the container and how it gets there, as the reference's <c>workspace</c> member.</summary>
public sealed class DevContainerWorkspace
{
    internal DevContainerWorkspace(JsonNode? workspaceFolder, bool hasWorkspaceMount, JsonNode? workspaceMount)
    {
        this.Json = new JsonObject { ["workspaceFolder"] = workspaceFolder?.DeepClone() };
        if (hasWorkspaceMount)
        {
            this.Json["workspaceMount"] = workspaceMount?.DeepClone();
        }

        this.WorkspaceFolder = Model.ConfigBinder.String(workspaceFolder);
        this.WorkspaceMount = hasWorkspaceMount ? Model.ConfigBinder.String(workspaceMount) : null;
    }

    /// <summary>Gets the folder inside the container the editor opens (null only when the configuration sets it to a non-string).</summary>
    public string? WorkspaceFolder { get; }

    /// <summary>Gets the <c>--mount</c> string that puts the sources there; null for Docker Compose or an explicit non-string.</summary>
    public string? WorkspaceMount { get; }

    /// <summary>Gets the member exactly as <c>devcontainer read-configuration</c> prints it.</summary>
    public JsonObject Json { get; }
}
