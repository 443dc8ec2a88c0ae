using System.Text.Json.Serialization;

namespace Gitspaces.Server.Forwarding;

/// <summary>Serializer context of the forward records in the state directory.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ForwardRecord))]
internal sealed partial class ForwardingJsonContext : JsonSerializerContext;
