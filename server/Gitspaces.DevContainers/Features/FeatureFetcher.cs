using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Features;

/// <summary>
/// Downloads Features per the OCI distribution spec (manifest, then the layer of media type
/// <see cref="LayerMediaType"/>), answering 401 challenges: <c>Bearer realm=…</c> by asking the realm for a token
/// (anonymously, or with the registry's credential), <c>Basic</c> with the credential. Also fetches tarball URLs.
/// Downloads are verified against their digest and extracted into a content-addressed cache folder.
/// </summary>
public sealed class FeatureFetcher
{
    /// <summary>The manifest media type asked for.</summary>
    public const string ManifestMediaType = "application/vnd.oci.image.manifest.v1+json";

    /// <summary>The media type of a Feature's layer.</summary>
    public const string LayerMediaType = "application/vnd.devcontainers.layer.v1+tar";

    /// <summary>The media type of a Feature's (empty) config blob.</summary>
    public const string ConfigMediaType = "application/vnd.devcontainers";

    private readonly HttpClient http;
    private readonly DockerCredentialStore credentials;
    private readonly Func<string, bool> usePlainHttp;
    private readonly Dictionary<string, AuthenticationHeaderValue> authorizations = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="FeatureFetcher"/> class.</summary>
    /// <param name="http">The client (its handler decides proxies and TLS).</param>
    /// <param name="credentials">Where registry credentials come from; <c>~/.docker/config.json</c> when null.</param>
    /// <param name="usePlainHttp">Which registries speak plain HTTP; loopback registries (localhost, 127.0.0.1, [::1]) when null.</param>
    public FeatureFetcher(HttpClient http, DockerCredentialStore? credentials = null, Func<string, bool>? usePlainHttp = null)
    {
        this.http = http ?? throw new ArgumentNullException(nameof(http));
        this.credentials = credentials ?? new DockerCredentialStore();
        this.usePlainHttp = usePlainHttp ?? IsLoopback;
    }

    /// <summary>Fetches an OCI Feature into <paramref name="cacheDirectory"/> (reused when already there).</summary>
    /// <param name="reference">The Feature's reference.</param>
    /// <param name="cacheDirectory">The cache root.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    public async Task<FetchedFeature> FetchAsync(OciReference reference, string cacheDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var baseUri = $"{(this.usePlainHttp(reference.Registry) ? "http" : "https")}://{reference.Registry}/v2/{reference.Path}";
        var scope = $"repository:{reference.Path}:pull";
        JsonObject manifest;
        using (var response = await this.SendAsync(reference.Registry, scope, () => Get($"{baseUri}/manifests/{reference.Version}", ManifestMediaType), cancellationToken).ConfigureAwait(false))
        {
            await EnsureSuccessAsync(response, $"the manifest of {reference}", cancellationToken).ConfigureAwait(false);
            manifest = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)) as JsonObject
                ?? throw new InvalidDataException($"The manifest of {reference} is not a JSON object.");
        }

        var layer = (manifest["layers"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(l => l["mediaType"]?.GetValue<string>() == LayerMediaType)
            ?? throw new InvalidDataException($"The manifest of {reference} has no layer of type {LayerMediaType}: it is not a Feature.");
        var digest = layer["digest"]?.GetValue<string>() ?? throw new InvalidDataException($"The Feature layer of {reference} has no digest.");
        var folder = CacheFolder(cacheDirectory, reference.Resource, digest);
        if (File.Exists(Path.Combine(folder, "devcontainer-feature.json")))
        {
            return new FetchedFeature(folder, digest, await FeatureDefinition.LoadAsync(folder, cancellationToken).ConfigureAwait(false));
        }

        using var blob = await this.SendAsync(reference.Registry, scope, () => Get($"{baseUri}/blobs/{digest}", null), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(blob, $"the Feature layer of {reference}", cancellationToken).ConfigureAwait(false);
        return await StoreAsync(blob, folder, digest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Fetches a tarball Feature (<c>https://…/devcontainer-feature-&lt;id&gt;.tgz</c>) into <paramref name="cacheDirectory"/>.</summary>
    /// <param name="uri">The tarball's URL.</param>
    /// <param name="cacheDirectory">The cache root.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    public async Task<FetchedFeature> FetchTarballAsync(Uri uri, string cacheDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        using var response = await this.http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, uri.ToString(), cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        var folder = CacheFolder(cacheDirectory, uri.ToString(), digest);
        using var content = new MemoryStream(bytes, writable: false);
        await ExtractFreshAsync(content, folder, cancellationToken).ConfigureAwait(false);
        return new FetchedFeature(folder, digest, await FeatureDefinition.LoadAsync(folder, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Parses a <c>WWW-Authenticate</c> value such as <c>Bearer realm="https://…",service="…",scope="…"</c>.</summary>
    internal static (string Scheme, Dictionary<string, string> Parameters) ParseChallenge(string header)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header : header[..space];
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rest = space < 0 ? string.Empty : header[(space + 1)..];
        var i = 0;
        while (i < rest.Length)
        {
            while (i < rest.Length && (rest[i] == ',' || char.IsWhiteSpace(rest[i])))
            {
                i++;
            }

            var equals = rest.IndexOf('=', i);
            if (equals < 0)
            {
                break;
            }

            var name = rest[i..equals].Trim();
            i = equals + 1;
            string value;
            if (i < rest.Length && rest[i] == '"')
            {
                var builder = new StringBuilder();
                for (i++; i < rest.Length && rest[i] != '"'; i++)
                {
                    if (rest[i] == '\\' && i + 1 < rest.Length)
                    {
                        i++;
                    }

                    builder.Append(rest[i]);
                }

                i++;
                value = builder.ToString();
            }
            else
            {
                var comma = rest.IndexOf(',', i);
                value = (comma < 0 ? rest[i..] : rest[i..comma]).Trim();
                i = comma < 0 ? rest.Length : comma;
            }

            parameters[name] = value;
        }

        return (scheme, parameters);
    }

    private static bool IsLoopback(string registry)
    {
        var host = registry.StartsWith('[') ? registry[..(registry.IndexOf(']', StringComparison.Ordinal) + 1)] : registry.Split(':')[0];
        return host is "localhost" or "127.0.0.1" or "[::1]";
    }

    private static HttpRequestMessage Get(string uri, string? accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return request;
    }

    private static string CacheFolder(string cacheDirectory, string resource, string digest)
    {
        var safeResource = new string([.. resource.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_')]);
        return Path.Combine(cacheDirectory, safeResource, digest.Replace(':', '-'));
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException($"Fetching {what} failed: {(int)response.StatusCode} {response.ReasonPhrase} {body[..Math.Min(body.Length, 300)]}", null, response.StatusCode);
        }
    }

    private static async Task<FetchedFeature> StoreAsync(HttpResponseMessage blob, string folder, string digest, CancellationToken cancellationToken)
    {
        var bytes = await blob.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var actual = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, digest, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"The Feature layer's digest is {actual}, not {digest}.");
        }

        using var content = new MemoryStream(bytes, writable: false);
        await ExtractFreshAsync(content, folder, cancellationToken).ConfigureAwait(false);
        return new FetchedFeature(folder, digest, await FeatureDefinition.LoadAsync(folder, cancellationToken).ConfigureAwait(false));
    }

    // Extract beside the final folder and move it into place, so a cancelled extraction never looks complete.
    private static async Task ExtractFreshAsync(Stream content, string folder, CancellationToken cancellationToken)
    {
        var staging = folder + ".partial-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            await FeatureArchive.ExtractAsync(content, staging, cancellationToken).ConfigureAwait(false);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.Move(staging, folder);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string registry, string scope, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        var key = registry + " " + scope;
        using var request = createRequest();
        if (this.authorizations.TryGetValue(key, out var known))
        {
            request.Headers.Authorization = known;
        }

        var response = await this.http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || response.Headers.WwwAuthenticate.Count == 0)
        {
            return response;
        }

        var (scheme, parameters) = ParseChallenge(response.Headers.WwwAuthenticate.First().ToString());
        response.Dispose();
        var credential = await this.credentials.GetAsync(registry, cancellationToken).ConfigureAwait(false);
        AuthenticationHeaderValue? authorization = null;
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) && parameters.TryGetValue("realm", out var realm))
        {
            var token = await this.GetTokenAsync(realm, parameters.GetValueOrDefault("service"), parameters.GetValueOrDefault("scope") ?? scope, credential, cancellationToken).ConfigureAwait(false);
            authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) && credential is not null)
        {
            authorization = Basic(credential);
        }

        using var retry = createRequest();
        if (authorization is not null)
        {
            this.authorizations[key] = authorization;
            retry.Headers.Authorization = authorization;
        }

        return await this.http.SendAsync(retry, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> GetTokenAsync(string realm, string? service, string scope, RegistryCredential? credential, CancellationToken cancellationToken)
    {
        var query = new StringBuilder(realm).Append(realm.Contains('?', StringComparison.Ordinal) ? '&' : '?');
        if (service is not null)
        {
            query.Append("service=").Append(Uri.EscapeDataString(service)).Append('&');
        }

        query.Append("scope=").Append(Uri.EscapeDataString(scope));
        using var request = new HttpRequestMessage(HttpMethod.Get, query.ToString());
        if (credential is not null)
        {
            request.Headers.Authorization = Basic(credential);
        }

        using var response = await this.http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "a registry token", cancellationToken).ConfigureAwait(false);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)) as JsonObject;
        return answer?["token"]?.GetValue<string>() ?? answer?["access_token"]?.GetValue<string>()
            ?? throw new InvalidDataException("The registry's token service answered without a token.");
    }

    private static AuthenticationHeaderValue Basic(RegistryCredential credential)
        => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.UserName}:{credential.Secret}")));
}
