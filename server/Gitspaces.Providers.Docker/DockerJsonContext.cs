using System.Text.Json.Serialization;

namespace Gitspaces.Providers.Docker;

/// <summary>Source-generated JSON for the provider's own files and labels.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GitspaceRecord))]
[JsonSerializable(typeof(LifecyclePlan))]
[JsonSerializable(typeof(Compose.ComposeState))]
[JsonSerializable(typeof(EngineBuildMessage))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonNode))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonArray))]
internal sealed partial class DockerJsonContext : JsonSerializerContext;
