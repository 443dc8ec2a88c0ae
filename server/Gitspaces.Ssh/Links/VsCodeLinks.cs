namespace Gitspaces.Ssh.Links;

/// <summary>
/// Links for VS Code and its Remote-SSH forks. The authority <c>ssh-remote+&lt;alias&gt;</c> names a host of the
/// user's SSH config, so user, keys and ProxyCommand come from our entry, not from the link.
/// </summary>
public static class VsCodeLinks
{
    /// <summary>The URL scheme of VS Code.</summary>
    public const string VsCodeScheme = "vscode";

    /// <summary>The URL scheme of VS Code Insiders.</summary>
    public const string VsCodeInsidersScheme = "vscode-insiders";

    /// <summary>The URL scheme of Cursor.</summary>
    public const string CursorScheme = "cursor";

    /// <summary>The URL scheme of Windsurf.</summary>
    public const string WindsurfScheme = "windsurf";

    /// <summary>Returns the folder URI for <c>vscode.openFolder</c> and <c>code --folder-uri</c>: <c>vscode-remote://ssh-remote+&lt;alias&gt;&lt;folder&gt;</c>.</summary>
    /// <param name="target">The SSH target.</param>
    /// <returns>The URI.</returns>
    public static string RemoteFolderUri(SshTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Validated();
        return $"vscode-remote://{Authority(target)}{UriEncoding.Path(target.WorkspaceFolder)}";
    }

    /// <summary>Returns the deep link an editor's URL handler opens: <c>&lt;scheme&gt;://vscode-remote/ssh-remote+&lt;alias&gt;&lt;folder&gt;</c>.</summary>
    /// <param name="scheme">The editor's scheme (<see cref="VsCodeScheme"/>, <see cref="CursorScheme"/>, …).</param>
    /// <param name="target">The SSH target.</param>
    /// <returns>The link.</returns>
    public static string OpenLink(string scheme, SshTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Validated();
        return $"{scheme}://vscode-remote/{Authority(target)}{UriEncoding.Path(target.WorkspaceFolder)}";
    }

    private static string Authority(SshTarget target)
    {
        // An alias of ours carries the user and port in the SSH config; a plain host needs them in the authority.
        var userPart = target.IsAlias ? string.Empty : UriEncoding.Component(target.User) + "@";
        var portPart = target.Port == 22 ? string.Empty : ":" + target.Port;
        return $"ssh-remote+{userPart}{target.Host}{portPart}";
    }
}
