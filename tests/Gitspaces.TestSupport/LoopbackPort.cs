using System.Net;
using System.Net.Sockets;

namespace Gitspaces.TestSupport;

/// <summary>Ports on 127.0.0.1 for test servers, and for clients that must find nothing there.</summary>
public static class LoopbackPort
{
    /// <summary>Returns a port nothing listens on (it was free a moment ago).</summary>
    /// <returns>The port.</returns>
    public static int Unused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
