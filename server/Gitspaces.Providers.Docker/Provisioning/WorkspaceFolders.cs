namespace Gitspaces.Providers.Docker.Provisioning;

/// <summary>Where a repository's files go in a gitspace when devcontainer.json does not say: <c>/workspaces/&lt;repository&gt;</c>, as the reference CLI does.</summary>
internal static class WorkspaceFolders
{
    /// <summary>Returns a repository's name from its URL or path (the last segment, without <c>.git</c>).</summary>
    /// <param name="url">The URL or path, as shown.</param>
    /// <returns>The name; <c>workspace</c> when there is none.</returns>
    public static string RepositoryName(string url)
    {
        var trimmed = url.TrimEnd('/', '\\');
        var name = trimmed[(trimmed.LastIndexOfAny(['/', '\\', ':']) + 1)..];
        name = name.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
        return name.Length == 0 ? "workspace" : name;
    }

    /// <summary>Returns the folder the workspace volume is mounted on by default.</summary>
    /// <param name="repository">The repository's URL or path, as shown.</param>
    /// <returns>The folder in the container.</returns>
    public static string DefaultMount(string repository) => "/workspaces/" + RepositoryName(repository);
}
