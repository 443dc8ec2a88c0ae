using System.Text.Json.Serialization;

namespace Gitspaces.Providers.Docker.Engine;

/// <summary>Source-generated JSON for the engine calls <see cref="EngineClient"/> makes: no reflection at start-up.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<EngineContainer>))]
[JsonSerializable(typeof(EngineVolumeList))]
[JsonSerializable(typeof(EngineVolumeCreate))]
[JsonSerializable(typeof(EngineContainerDetails))]
[JsonSerializable(typeof(EngineExecCreate))]
[JsonSerializable(typeof(EngineExecStart))]
[JsonSerializable(typeof(EngineIdentifier))]
[JsonSerializable(typeof(EngineExecDetails))]
[JsonSerializable(typeof(EngineError))]
[JsonSerializable(typeof(Dictionary<string, string[]>))]
internal sealed partial class EngineJsonContext : JsonSerializerContext;
