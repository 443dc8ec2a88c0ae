using System.Text.Json.Serialization;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// Source-generated JSON for the one provider file the proxy reads (<c>docker.json</c>, through the linked
/// <see cref="DockerSettings"/>), with the provider's options; the provider's own context also covers its records and
/// lifecycle plans, whose types the proxy does not compile.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DockerSettings))]
internal sealed partial class DockerJsonContext : JsonSerializerContext;
