using System.Text.Json.Serialization;

namespace Gitspaces.Providers.Harness.Configuration;

/// <summary>What <c>harness.json</c> in the config directory holds: where the control plane is. Never the token.</summary>
internal sealed record HarnessSettings
{
    public required string Endpoint { get; init; }

    public required string Flavour { get; init; }

    public string? AccountIdentifier { get; init; }

    public string? OrgIdentifier { get; init; }

    public string? ProjectIdentifier { get; init; }

    public string? SpacePath { get; init; }

    /// <summary>Gets whether the user allowed a plain-http endpoint that is not on this machine (the token then travels in clear).</summary>
    public bool? AllowInsecureHttp { get; init; }
}

/// <summary>The serializer of <see cref="HarnessSettings"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(HarnessSettings))]
internal sealed partial class HarnessSettingsJsonContext : JsonSerializerContext
{
}
