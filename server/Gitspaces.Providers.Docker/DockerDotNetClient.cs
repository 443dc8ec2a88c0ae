using Docker.DotNet;
using Docker.DotNet.X509;
using Gitspaces.Docker.Engine;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// Docker.DotNet clients for a <see cref="DockerEndpoint"/>, kept in the provider: the engine project never loads
/// Docker.DotNet, and the published program keeps its assembly whole for Newtonsoft's reflection (docs/native-aot.md).
/// </summary>
internal static class DockerDotNetClient
{
    /// <summary>Creates a Docker.DotNet client for the endpoint (the calls <see cref="EngineClient"/> does not make).</summary>
    /// <param name="endpoint">The engine.</param>
    /// <returns>The client; the caller disposes it.</returns>
    public static DockerClient CreateClient(this DockerEndpoint endpoint)
    {
        Credentials? credentials = null;
        var address = endpoint.Address;
        if (endpoint.Tls() is { ClientCertificate: { } certificate } tls)
        {
            credentials = new CertificateCredentials(certificate) { ServerCertificateValidationCallback = tls.Validate };
            address = new UriBuilder(address) { Scheme = "https" }.Uri;
        }

#pragma warning disable CA2000 // The client owns its configuration and disposes it with itself.
        var configuration = new DockerClientConfiguration(address, credentials, TimeSpan.FromSeconds(100));
#pragma warning restore CA2000
        return configuration.CreateClient();
    }
}
