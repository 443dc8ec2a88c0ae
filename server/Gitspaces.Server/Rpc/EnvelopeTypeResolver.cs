using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using StreamJsonRpc;

namespace Gitspaces.Server.Rpc;

/// <summary>
/// Type metadata for StreamJsonRpc's own types that reach the user-data serializer: the <see cref="RequestId"/> of a
/// <c>$/cancelRequest</c>. The formatter adds its converter to our options, but a source-generated resolver does not
/// consult converters for types it does not know, so without this a cancellation could not be read and the request
/// would run on; the metadata is built from that converter, with no reflection.
/// </summary>
internal sealed class EnvelopeTypeResolver : IJsonTypeInfoResolver
{
    /// <inheritdoc/>
    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (type != typeof(RequestId))
        {
            return null;
        }

        foreach (var converter in options.Converters)
        {
            if (converter is JsonConverter<RequestId> requestId)
            {
                return JsonMetadataServices.CreateValueInfo<RequestId>(options, requestId);
            }
        }

        return null;
    }
}
