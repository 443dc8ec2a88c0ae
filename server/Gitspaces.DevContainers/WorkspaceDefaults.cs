using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Jsonc;

namespace Gitspaces.DevContainers;

/// <summary>
/// The reference's <c>getWorkspaceConfiguration</c>: Docker Compose defaults the folder to <c>/</c> with no mount;
/// otherwise the git root is mounted at <c>/workspaces/&lt;its name&gt;</c> and the folder is the workspace's place under it.
/// Values the configuration sets (read raw, before substitution) are kept.
/// </summary>
internal static class WorkspaceDefaults
{
    public static (JsonNode? Folder, bool HasMount, JsonNode? Mount) Compute(JsonObject config, string workspaceFolder, DevContainerReadOptions options)
    {
        var folder = config["workspaceFolder"];
        if (config.ContainsKey("dockerComposeFile"))
        {
            return (JsTruthiness.IsTruthy(folder) ? folder?.DeepClone() : JsonValue.Create("/"), false, null);
        }

        var hasMount = config.ContainsKey("workspaceMount");
        var mount = config["workspaceMount"]?.DeepClone();
        folder = folder?.DeepClone();
        if (JsTruthiness.IsTruthy(folder) && hasMount)
        {
            return (folder, true, mount);
        }

        var hostMountFolder = (options.MountWorkspaceGitRoot ? WorkspaceLayout.FindGitRoot(workspaceFolder) : null) ?? workspaceFolder;
        var containerMountFolder = PosixPath.Join("/workspaces", Path.GetFileName(Path.TrimEndingDirectorySeparator(hostMountFolder)));
        if (!JsTruthiness.IsTruthy(folder))
        {
            var relative = Path.GetRelativePath(hostMountFolder, workspaceFolder).Replace('\\', '/');
            folder = JsonValue.Create(PosixPath.Join(containerMountFolder, relative));
        }

        if (!hasMount)
        {
            var platform = options.EffectivePlatform;
            var consistency = platform == HostPlatform.Linux ? string.Empty : $",consistency={options.MountConsistency}";
            var sourceQuote = hostMountFolder.Contains(',', StringComparison.Ordinal) ? "\"" : string.Empty;
            var targetQuote = containerMountFolder.Contains(',', StringComparison.Ordinal) ? "\"" : string.Empty;
            mount = JsonValue.Create($"type=bind,{sourceQuote}source={hostMountFolder}{sourceQuote},{targetQuote}target={containerMountFolder}{targetQuote}{consistency}");
            hasMount = true;
        }

        return (folder, hasMount, mount);
    }
}
