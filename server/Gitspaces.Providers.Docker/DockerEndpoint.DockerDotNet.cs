using Docker.DotNet;
using Docker.DotNet.X509;
using Gitspaces.Providers.Docker.Engine;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// The Docker.DotNet side of <see cref="DockerEndpoint"/>, in a file of its own so that the NativeAOT
/// <c>gitspaces-ssh-proxy</c> can compile the endpoint resolution without Docker.DotNet (which is not AOT-safe).
/// </summary>
internal sealed partial record DockerEndpoint
{
    /// <summary>Creates a Docker.DotNet client for the endpoint (the calls <see cref="EngineClient"/> does not make).</summary>
    /// <returns>The client; the caller disposes it.</returns>
    public DockerClient CreateClient()
    {
        Credentials? credentials = null;
        var address = this.Address;
        if (this.Tls() is { ClientCertificate: { } certificate } tls)
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
