namespace Gitspaces.Core.Ports;

/// <summary>
/// A provider that can carry a TCP connection to a port inside a gitspace over its own channel (for Docker: the
/// engine's API, as SSH does), so that a forward is a listener on this machine's loopback and nothing is published on
/// the gitspace or the network. It also says which ports the configuration names and which ones listen, so that
/// clients can offer them. The sibling of <see cref="Ssh.ISshChannelProvider"/>.
/// </summary>
public interface IPortChannelProvider
{
    /// <summary>Gets the provider id.</summary>
    string Id { get; }

    /// <summary>Opens a duplex stream to a TCP port inside the gitspace, after checking that the target is this gitspace.</summary>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="port">The port inside the gitspace (1–65535).</param>
    /// <param name="service">The compose service whose container has the port; <see langword="null"/> for the gitspace's own container.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The stream: bytes written reach the port, bytes read come from it; disposing it closes the connection.</returns>
    Task<Stream> OpenPortChannelAsync(string gitspaceId, int port, string? service, CancellationToken cancellationToken);

    /// <summary>Reads what the gitspace's configuration says about ports (<c>forwardPorts</c>, <c>appPort</c>, <c>portsAttributes</c>, <c>otherPortsAttributes</c>).</summary>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The settings.</returns>
    Task<PortSettings> GetPortSettingsAsync(string gitspaceId, CancellationToken cancellationToken);

    /// <summary>
    /// Follows the TCP ports that listen inside the running gitspace: yields the whole set (ascending) first, then
    /// again each time it changes, within about a second; ends when the gitspace stops.
    /// </summary>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="cancellationToken">Stops following.</param>
    /// <returns>The sets.</returns>
    IAsyncEnumerable<IReadOnlyList<int>> WatchListeningPortsAsync(string gitspaceId, CancellationToken cancellationToken);
}
