using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Gitspaces.Docker.Engine;

/// <summary>
/// Which Docker engine to talk to and how: the endpoint set with <c>providers/configure</c>, else <c>DOCKER_HOST</c>,
/// else the platform's local engine; TLS from <c>DOCKER_TLS_VERIFY</c> and <c>DOCKER_CERT_PATH</c> as the docker CLI does.
/// </summary>
public sealed record DockerEndpoint
{
    /// <summary>Gets the engine address (<c>unix://</c>, <c>tcp://</c>, <c>npipe://</c>).</summary>
    public required Uri Address { get; init; }

    /// <summary>Gets where the address came from, for messages (<c>configured</c>, <c>DOCKER_HOST</c>, <c>default</c>).</summary>
    public required string Source { get; init; }

    /// <summary>Gets a value indicating whether to verify the engine's certificate against <see cref="CertPath"/>'s <c>ca.pem</c>.</summary>
    public bool TlsVerify { get; init; }

    /// <summary>Gets the folder with <c>cert.pem</c>, <c>key.pem</c> and <c>ca.pem</c> for a TLS engine.</summary>
    public string? CertPath { get; init; }

    /// <summary>Gets the platform's local engine address.</summary>
    public static Uri LocalDefault => OperatingSystem.IsWindows()
        ? new Uri("npipe://./pipe/docker_engine")
        : new Uri("unix:///var/run/docker.sock");

    /// <summary>Resolves the endpoint.</summary>
    /// <param name="configured">The endpoint saved with <c>providers/configure</c>, if any.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="DockerEndpointException">The configured address or <c>DOCKER_HOST</c> is not an engine address.</exception>
    public static DockerEndpoint Resolve(string? configured, Func<string, string?> environment)
    {
        var tlsVerify = environment("DOCKER_TLS_VERIFY") is { Length: > 0 } verify && verify != "0";
        var certPath = environment("DOCKER_CERT_PATH") is { Length: > 0 } certs ? certs : null;
        if (tlsVerify && certPath is null)
        {
            var home = environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            certPath = Path.Combine(home, ".docker");
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new DockerEndpoint { Address = Parse(configured, "$.endpoint"), Source = "configured", TlsVerify = tlsVerify, CertPath = certPath };
        }

        if (environment("DOCKER_HOST") is { Length: > 0 } host)
        {
            return new DockerEndpoint { Address = Parse(host, "DOCKER_HOST"), Source = "DOCKER_HOST", TlsVerify = tlsVerify, CertPath = certPath };
        }

        return new DockerEndpoint { Address = LocalDefault, Source = "default" };
    }

    /// <summary>Checks that a string is an engine address the client can use.</summary>
    /// <param name="value">The address.</param>
    /// <param name="origin">Where it came from, for the message.</param>
    /// <returns>The parsed address.</returns>
    /// <exception cref="DockerEndpointException">The address is not one; its <see cref="DockerEndpointException.Field"/> is <paramref name="origin"/>.</exception>
    public static Uri Parse(string value, string origin)
    {
        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "unix" or "tcp" or "npipe" or "http" or "https")
        {
            return uri;
        }

        throw new DockerEndpointException(
            origin,
            $"Invalid Docker host '{value}' ({origin}): use unix:///path/to/docker.sock, tcp://host:port or npipe://./pipe/name.");
    }

    /// <summary>
    /// Returns how to talk TLS to this engine: for a <c>tcp://</c> engine with <c>cert.pem</c> in the cert path (or an
    /// <c>https://</c> address), else <see langword="null"/> for plain transport.
    /// </summary>
    /// <returns>The TLS settings, or <see langword="null"/>.</returns>
    public EngineTls? Tls()
    {
        var withClientCertificate = this.CertPath is { } certPath && this.Address.Scheme == "tcp" && File.Exists(Path.Combine(certPath, "cert.pem"));
        if (!withClientCertificate && this.Address.Scheme != "https")
        {
            return null;
        }

        X509Certificate2? certificate = null;
        System.Net.Security.RemoteCertificateValidationCallback? validate = null;
        if (withClientCertificate)
        {
            certificate = X509Certificate2.CreateFromPemFile(Path.Combine(this.CertPath!, "cert.pem"), Path.Combine(this.CertPath!, "key.pem"));
            var caFile = Path.Combine(this.CertPath!, "ca.pem");

            // Unlike the docker CLI we never accept an unverified engine: with ca.pem we trust that authority,
            // without it the system's.
            if (File.Exists(caFile))
            {
                var authority = X509CertificateLoader.LoadCertificateFromFile(caFile);
                validate = (_, cert, _, errors) => VerifyAgainst(authority, cert, errors);
            }
        }

        return new EngineTls(certificate, validate);
    }

    /// <summary>Returns the address to show, without user info.</summary>
    /// <returns>The address.</returns>
    public string Display() => this.Address.IsUnc || string.IsNullOrEmpty(this.Address.UserInfo)
        ? this.Address.OriginalString
        : new UriBuilder(this.Address) { UserName = string.Empty, Password = string.Empty }.Uri.ToString();

    private static bool VerifyAgainst(X509Certificate2 authority, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null)
        {
            return false;
        }

        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var certificate = new X509Certificate2(presented);
        return chain.Build(certificate) && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0;
    }
}
