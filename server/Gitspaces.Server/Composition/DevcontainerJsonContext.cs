using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Gitspaces.Server.Composition;

/// <summary>Serializer context for the configuration JSON the reader produces.</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class DevcontainerJsonContext : JsonSerializerContext;
