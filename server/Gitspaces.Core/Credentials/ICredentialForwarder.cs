namespace Gitspaces.Core.Credentials;

/// <summary>
/// Lets programs inside a gitspace ask the user's own git credential helpers on this machine, for as long as the
/// returned handle lives (docs/credentials.md). The host supplies it (the sidecar forwards a socket over the gitspace's
/// SSH connection); a provider opens one around work it runs in the gitspace, such as lifecycle commands.
/// </summary>
public interface ICredentialForwarder
{
    /// <summary>Opens the channel to a gitspace through its SSH host entry; it is ready when the task completes.</summary>
    /// <param name="sshHost">The gitspace's SSH host alias, registered in the user's SSH configuration.</param>
    /// <param name="cancellationToken">Abandons the opening.</param>
    /// <returns>The channel; disposing it closes the channel.</returns>
    Task<IAsyncDisposable> ForwardAsync(string sshHost, CancellationToken cancellationToken);
}
