using System.Text.Json.Serialization;

namespace Gitspaces.Providers.Docker;

/// <summary>One stored registry login of <c>~/.docker/config.json</c>.</summary>
internal sealed record DockerCliAuth
{
    /// <summary>Gets <c>base64(user:password)</c>.</summary>
    [JsonPropertyName("auth")]
    public string? Auth { get; init; }

    /// <summary>Gets an identity token, when the registry issued one.</summary>
    [JsonPropertyName("identitytoken")]
    public string? IdentityToken { get; init; }
}
