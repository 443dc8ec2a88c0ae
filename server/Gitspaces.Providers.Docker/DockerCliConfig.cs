using System.Text.Json.Serialization;

namespace Gitspaces.Providers.Docker;

/// <summary>The parts of the docker CLI's <c>~/.docker/config.json</c> that say how to log in to registries.</summary>
internal sealed record DockerCliConfig
{
    /// <summary>Gets the stored logins, by registry.</summary>
    [JsonPropertyName("auths")]
    public Dictionary<string, DockerCliAuth>? Auths { get; init; }

    /// <summary>Gets the credential store for every registry (<c>docker-credential-&lt;name&gt;</c>).</summary>
    [JsonPropertyName("credsStore")]
    public string? CredsStore { get; init; }

    /// <summary>Gets the credential helper per registry.</summary>
    [JsonPropertyName("credHelpers")]
    public Dictionary<string, string>? CredHelpers { get; init; }
}
