using System.Text;
using System.Text.Json;

namespace Gitspaces.Git.Credentials;

/// <summary>
/// Answers a gitspace's requests: git's from the user's credential helpers, Docker registry logins only when the
/// gitspace opted in to them (a function that finds the user's registry login; <see langword="null"/> refuses).
/// </summary>
public sealed class CredentialResponder
{
    private readonly HostGitCredentials git;
    private readonly Func<string, CancellationToken, Task<(string UserName, string Secret)?>>? registryLogin;

    /// <summary>Initializes a new instance of the <see cref="CredentialResponder"/> class.</summary>
    /// <param name="git">The user's git credential helpers.</param>
    /// <param name="registryLogin">Finds the user's login for a registry host, or <see langword="null"/> when the gitspace did not opt in.</param>
    public CredentialResponder(HostGitCredentials git, Func<string, CancellationToken, Task<(string UserName, string Secret)?>>? registryLogin = null)
    {
        this.git = git;
        this.registryLogin = registryLogin;
    }

    /// <summary>Answers one request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Stops a helper.</param>
    /// <returns>The answer.</returns>
    public async Task<CredentialAnswer> AnswerAsync(CredentialRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Action != CredentialAction.DockerGet)
        {
            return await this.git.AnswerAsync(request, cancellationToken);
        }

        if (this.registryLogin is null)
        {
            return CredentialAnswer.Failed("This gitspace has not opted in to your Docker registry logins (docs/credentials.md says how).");
        }

        var server = request["server"] ?? string.Empty;
        var host = RegistryHost(server);
        if (host.Length == 0)
        {
            return CredentialAnswer.Failed("No registry was named.");
        }

        if (await this.registryLogin(host, cancellationToken) is not { } login)
        {
            return new CredentialAnswer(CredentialAnswerStatus.None, $"You have no Docker login for {host} on {Environment.MachineName}.", []);
        }

        // The docker CLI reads its helper's answer as JSON; written here, so the helper inside only prints a line.
        var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("ServerURL", server);
            writer.WriteString("Username", login.UserName);
            writer.WriteString("Secret", login.Secret);
            writer.WriteEndObject();
        }

        return new CredentialAnswer(CredentialAnswerStatus.Ok, null, [new("json", Encoding.UTF8.GetString(json.ToArray()))]);
    }

    /// <summary>Returns the registry host (and port) the docker CLI names, which may be a URL.</summary>
    /// <param name="server">What the docker CLI passed: <c>ghcr.io</c>, <c>https://index.docker.io/v1/</c>, …</param>
    /// <returns>The host, e.g. <c>ghcr.io</c> or <c>localhost:5000</c>.</returns>
    internal static string RegistryHost(string server)
    {
        var text = server.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        }

        return text.Split('/')[0];
    }
}
