namespace Gitspaces.Core.Ports;

/// <summary>
/// A provider that can carry a TCP connection to a port inside a gitspace over its own channel (for Docker: the
/// engine's API, as SSH does), so that a forward is a listener on this machine's loopback and nothing is published on
/// the gitspace or the network. The sibling of <see cref="Ssh.ISshChannelProvider"/>.
/// </summary>
public interface IPortChannelProvider
{
    /// <summary>Gets the provider id.</summary>
    string Id { get; }

    /// <summary>Opens a duplex stream to a TCP port inside the gitspace, after checking that the target is this gitspace.</summary>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="port">The port inside the gitspace (1–65535).</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The stream: bytes written reach the port, bytes read come from it; disposing it closes the connection.</returns>
    Task<Stream> OpenPortChannelAsync(string gitspaceId, int port, CancellationToken cancellationToken);
}
