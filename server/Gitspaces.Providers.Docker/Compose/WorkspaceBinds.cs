using Gitspaces.Compose;
using Gitspaces.Core.Errors;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker.Compose;

/// <summary>
/// Points a compose file's bind mounts of the repository at the gitspace's workspace volume, so that the files live in
/// the engine (local or remote alike) and survive rebuilds. The volume holds the folder the clone sits in: the
/// repository is <c>&lt;volume&gt;/&lt;name&gt;</c>. A bind of that folder (the templates' <c>../..:/workspaces</c>) becomes
/// the volume itself; a bind of the repository or a folder in it (<c>..:/workspace</c>) becomes a bind of that folder
/// under the volume's mount point on the engine's host. Binds elsewhere on this machine are left as they are.
/// </summary>
internal static class WorkspaceBinds
{
    /// <summary>
    /// Tells whether a path of this machine is on the repository's side: the folder that holds the repository (the
    /// clone's own folder in the state directory), or anything in it. Binds of such paths become the workspace volume;
    /// any other path is this machine's.
    /// </summary>
    /// <param name="path">An absolute path, as <c>compose config</c> prints it.</param>
    /// <param name="repositoryRoot">The repository the configuration was read from.</param>
    /// <returns>Whether the path is the repository's parent or below it.</returns>
    public static bool IsRepositorySide(string path, string repositoryRoot)
    {
        if (!Path.IsPathFullyQualified(path))
        {
            // Relative (a named volume's device written relative) or a ~ compose did not expand: not ours to vouch for.
            return false;
        }

        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot)))!;
        var relative = Path.GetRelativePath(parent, Path.TrimEndingDirectorySeparator(Path.GetFullPath(path))).Replace('\\', '/');
        return relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    /// <summary>Maps one service's binds.</summary>
    /// <param name="service">The service, as <c>compose config</c> printed it (absolute paths).</param>
    /// <param name="repositoryRoot">The repository on this machine that the configuration was read from (the clone, or on rebuild the user's local folder).</param>
    /// <param name="repositoryName">The repository's folder name in the workspace volume (the clone's).</param>
    /// <param name="volumeName">The workspace volume.</param>
    /// <param name="volumeMountpoint">Where the engine keeps the volume's files on its host (for binds inside the repository).</param>
    /// <param name="configPath">The devcontainer.json, for messages.</param>
    /// <returns>The override entries (each replaces the bind with the same target), and where the repository appears in the container.</returns>
    public static (List<string> Volumes, string? RepositoryFolder) Map(ComposeService service, string repositoryRoot, string repositoryName, string volumeName, string volumeMountpoint, string configPath)
    {
        ArgumentNullException.ThrowIfNull(service);
        var volumes = new List<string>();
        string? repositoryFolder = null;
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot));
        var parent = Path.GetDirectoryName(root)!;
        var readName = Path.GetFileName(root);
        foreach (var mount in service.Volumes)
        {
            if (mount.Type != "bind" || mount.Source is null || !Path.IsPathFullyQualified(mount.Source))
            {
                continue;
            }

            var source = Path.TrimEndingDirectorySeparator(Path.GetFullPath(mount.Source));
            var relative = Path.GetRelativePath(parent, source).Replace('\\', '/');

            // The repository's own folder has the clone's name in the volume, whatever the folder read is called.
            if (relative == readName || relative.StartsWith(readName + "/", StringComparison.Ordinal))
            {
                relative = repositoryName + relative[readName.Length..];
            }

            var mode = mount.ReadOnly ? ":ro" : string.Empty;
            if (relative == ".")
            {
                volumes.Add($"{volumeName}:{mount.Target}{mode}");
                repositoryFolder ??= mount.Target.TrimEnd('/') + "/" + repositoryName;
            }
            else if (!relative.StartsWith("../", StringComparison.Ordinal) && relative != ".." && !Path.IsPathRooted(relative))
            {
                volumes.Add($"{volumeMountpoint.TrimEnd('/')}/{relative}:{mount.Target}{mode}");
                if (relative == repositoryName)
                {
                    repositoryFolder ??= mount.Target;
                }
            }
            else if (Path.GetRelativePath(source, parent) is var down && !down.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(down))
            {
                throw new GitspaceException(ErrorCodes.DevcontainerInvalid, $"{configPath}: the compose service '{service.Name}' mounts {mount.Source}, a folder above the repository's parent; a gitspace keeps its repository in its own volume and can mount the repository ('..') or the folder that holds it ('../..') only.", new ErrorData
                {
                    Kind = nameof(ErrorCodes.DevcontainerInvalid),
                    Hint = "Mount the repository's folder or its parent in the compose file.",
                });
            }
        }

        return (volumes, repositoryFolder);
    }
}
