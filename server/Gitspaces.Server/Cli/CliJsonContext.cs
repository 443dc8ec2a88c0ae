using System.Text.Json.Serialization;
using Gitspaces.Protocol;

namespace Gitspaces.Server.Cli;

// Output only: the generated writers serialize directly, without building (and JIT-compiling) per-property metadata.

/// <summary>Serializer context of the CLI's own JSON output.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(JsonLine))]
[JsonSerializable(typeof(ListGitspacesResult))]
[JsonSerializable(typeof(GitspaceEventsResult))]
[JsonSerializable(typeof(LogLine))]
[JsonSerializable(typeof(ListProvidersResult))]
[JsonSerializable(typeof(ConnectResult))]
[JsonSerializable(typeof(DevcontainerReadResult))]
[JsonSerializable(typeof(ListPortsResult))]
[JsonSerializable(typeof(ForwardPortResult))]
[JsonSerializable(typeof(StopPortForwardResult))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
