namespace Gitspaces.Core.Ssh;

/// <summary>
/// A provider that can carry an SSH byte stream over its own channel (for Docker: an attached exec of
/// <c>sshd -i</c>), so that no port is opened on the host or in the gitspace.
/// </summary>
public interface ISshChannelProvider
{
    /// <summary>Gets the provider id.</summary>
    string Id { get; }

    /// <summary>
    /// Opens a duplex stream to <c>sshd -i</c> inside the gitspace, after checking that the target carries this
    /// gitspace's labels. Bytes written are sshd's stdin; bytes read are its stdout.
    /// </summary>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The stream; disposing it ends the session.</returns>
    Task<Stream> OpenSshChannelAsync(string gitspaceId, CancellationToken cancellationToken);
}
