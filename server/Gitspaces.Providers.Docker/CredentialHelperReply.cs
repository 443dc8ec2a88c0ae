using System.Text.Json.Serialization;

namespace Gitspaces.Providers.Docker;

/// <summary>What <c>docker-credential-&lt;helper&gt; get</c> prints.</summary>
internal sealed record CredentialHelperReply
{
    /// <summary>Gets the user name; <c>&lt;token&gt;</c> means <see cref="Secret"/> is an identity token.</summary>
    [JsonPropertyName("Username")]
    public string? Username { get; init; }

    /// <summary>Gets the password or token.</summary>
    [JsonPropertyName("Secret")]
    public string? Secret { get; init; }
}
