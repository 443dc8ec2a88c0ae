using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Gitspaces.Docker.Engine;

/// <summary>How to talk TLS to a <c>tcp://</c> engine: our client certificate, and how the engine's certificate is checked.</summary>
/// <param name="ClientCertificate">The client certificate from <c>cert.pem</c>/<c>key.pem</c>, or <see langword="null"/>.</param>
/// <param name="Validate">Checks the engine's certificate.</param>
public sealed record EngineTls(X509Certificate2? ClientCertificate, RemoteCertificateValidationCallback? Validate);
