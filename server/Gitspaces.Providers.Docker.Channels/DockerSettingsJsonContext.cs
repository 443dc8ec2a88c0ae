using System.Text.Json.Serialization;

namespace Gitspaces.Providers.Docker;

/// <summary>Source-generated JSON for <c>docker.json</c> (<see cref="DockerSettings"/>), with the provider's options.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DockerSettings))]
internal sealed partial class DockerSettingsJsonContext : JsonSerializerContext;
