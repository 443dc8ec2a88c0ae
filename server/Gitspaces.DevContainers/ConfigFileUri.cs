using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers;

/// <summary>
/// The <c>configFilePath</c> member as the reference prints it: a serialized vscode-uri <c>URI</c>. A discovered file
/// comes from the CLI host (scheme <c>vscode-fileHost</c>), one given with <c>--config</c> from <c>URI.file</c> (scheme <c>file</c>).
/// </summary>
internal static class ConfigFileUri
{
    public static JsonObject ToJson(string configFilePath, HostPlatform platform, bool explicitConfig)
    {
        var fsPath = configFilePath;
        var path = configFilePath;
        if (platform == HostPlatform.Windows)
        {
            // vscode-uri lower-cases the drive letter of fsPath and writes the path with forward slashes.
            if (fsPath.Length >= 2 && fsPath[1] == ':')
            {
                fsPath = char.ToLowerInvariant(fsPath[0]) + fsPath[1..];
            }

            path = "/" + fsPath.Replace('\\', '/');
        }

        return new JsonObject
        {
            ["$mid"] = 1,
            ["fsPath"] = fsPath,
            ["path"] = path,
            ["scheme"] = explicitConfig ? "file" : "vscode-fileHost",
        };
    }
}
