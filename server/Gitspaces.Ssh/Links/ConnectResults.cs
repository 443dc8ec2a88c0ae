using Gitspaces.Protocol;

namespace Gitspaces.Ssh.Links;

/// <summary>Fills a provider's <see cref="ConnectResult"/> with the standard SSH command, folder URI and editor links.</summary>
public static class ConnectResults
{
    /// <summary>
    /// Returns the result with <see cref="ConnectResult.SshCommand"/>, <see cref="ConnectResult.RemoteUri"/> and every editor
    /// link rebuilt from its SSH host, user, port and workspace folder, so all providers hand out the same formats. A web
    /// link the provider set is kept.
    /// </summary>
    /// <param name="result">The provider's result.</param>
    /// <param name="ide">The IDE the links are for (<see cref="Ides"/>); picks the JetBrains product.</param>
    /// <param name="jetbrainsIdePath">The JetBrains backend's folder in the gitspace, when one is installed there.</param>
    /// <returns>The completed result.</returns>
    public static ConnectResult WithStandardLinks(ConnectResult result, string? ide, string? jetbrainsIdePath = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return WithStandardLinks(result, new SshTarget(result.SshHost, result.User, result.Port, result.WorkspaceFolder), ide, jetbrainsIdePath);
    }

    /// <summary>
    /// Returns the result with its SSH host, user, port and workspace folder taken from <paramref name="target"/> and the
    /// SSH command, folder URI and every editor link built from it, for a provider that knows more about the target than
    /// the result can say (a host reached directly, <see cref="SshTarget.IsDirect"/>). A web link the provider set is kept.
    /// </summary>
    /// <param name="result">The provider's result.</param>
    /// <param name="target">Where the editors connect.</param>
    /// <param name="ide">The IDE the links are for (<see cref="Ides"/>); picks the JetBrains product.</param>
    /// <param name="jetbrainsIdePath">The JetBrains backend's folder in the gitspace, when one is installed there.</param>
    /// <returns>The completed result.</returns>
    public static ConnectResult WithStandardLinks(ConnectResult result, SshTarget target, string? ide, string? jetbrainsIdePath = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(target);
        return result with
        {
            SshHost = target.Host,
            User = target.User,
            Port = target.Port,
            WorkspaceFolder = target.WorkspaceFolder,
            SshCommand = RemoteShell.SshCommand(target),
            RemoteUri = VsCodeLinks.RemoteFolderUri(target),
            Links = GitspaceLinks.Build(target, ide, jetbrainsIdePath) with { Web = result.Links?.Web },
        };
    }
}
