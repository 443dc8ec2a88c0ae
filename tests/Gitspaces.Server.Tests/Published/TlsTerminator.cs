using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Published;

/// <summary>
/// HTTPS on 127.0.0.1 in front of a plain HTTP server of the test: a certificate of its own for 127.0.0.1 (its PEM in
/// <see cref="CertificateFile"/>, for <c>SSL_CERT_FILE</c>), and each connection's bytes relayed to the server.
/// </summary>
internal sealed class TlsTerminator : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 certificate;
    private readonly int backendPort;
    private readonly CancellationTokenSource stopping = new();

    /// <summary>Initializes a new instance of the <see cref="TlsTerminator"/> class and starts accepting.</summary>
    /// <param name="backend">The plain HTTP server's base URL (<c>http://127.0.0.1:port/...</c>).</param>
    public TlsTerminator(Uri backend)
    {
        this.backendPort = backend.Port;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, 0, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));

        // Through PKCS#12 so that SslStream on every platform gets a key it may use.
        this.certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
        this.CertificateFile = Path.Combine(TempDirectory.Create("tls"), "ca.pem");
        File.WriteAllText(this.CertificateFile, created.ExportCertificatePem() + "\n");
        this.listener.Start();
        this.Port = ((IPEndPoint)this.listener.LocalEndpoint).Port;
        _ = this.AcceptAsync();
    }

    /// <summary>Gets the port it listens on.</summary>
    public int Port { get; }

    /// <summary>Gets the PEM file with its certificate: the only authority a client needs to trust it.</summary>
    public string CertificateFile { get; }

    /// <summary>Returns the https URL of a path on the server behind it.</summary>
    /// <param name="path">The path (with its leading slash).</param>
    /// <returns>The URL.</returns>
    public string UrlOf(string path) => $"https://127.0.0.1:{this.Port}{path}";

    public void Dispose()
    {
        this.stopping.Cancel();
        this.listener.Stop();
        this.certificate.Dispose();
        this.stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await this.listener.AcceptTcpClientAsync(this.stopping.Token);
                _ = this.RelayAsync(client);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var backend = new TcpClient())
        {
            try
            {
                await using var tls = new SslStream(client.GetStream());
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = this.certificate }, this.stopping.Token);
                await backend.ConnectAsync(IPAddress.Loopback, this.backendPort, this.stopping.Token);
                var plain = backend.GetStream();
                var up = tls.CopyToAsync(plain, this.stopping.Token);
                var down = plain.CopyToAsync(tls, this.stopping.Token);

                // The backend closes each connection after its answer; the client may close first.
                await Task.WhenAny(up, down);
                await down.WaitAsync(TimeSpan.FromSeconds(30), this.stopping.Token);
            }
            catch (Exception ex) when (ex is IOException or AuthenticationException or SocketException or OperationCanceledException or ObjectDisposedException or TimeoutException)
            {
                // A client that gave up (or refused the certificate): its connection ends here.
            }
        }
    }
}
