using System.Text.Json;
using Gitspaces.Protocol;

namespace Gitspaces.Server.Rpc;

/// <summary>
/// Checks that a frame's body is a JSON-RPC 2.0 message before StreamJsonRpc sees it: StreamJsonRpc drops the
/// whole connection on a body it cannot parse, and a sidecar must instead answer and keep serving.
/// </summary>
internal static class FrameValidator
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 128 };

    /// <summary>Validates a body.</summary>
    /// <param name="body">The frame body.</param>
    /// <returns>The outcome: forward it, ignore it, or answer with an error.</returns>
    public static FrameVerdict Validate(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException ex)
        {
            return FrameVerdict.Reject(ErrorCodes.ParseError, $"Parse error: the message is not valid JSON ({ex.Message})", null);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                return FrameVerdict.Reject(ErrorCodes.InvalidRequest, "Invalid request: batch messages are not supported; send one request per frame.", null);
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return FrameVerdict.Reject(ErrorCodes.InvalidRequest, $"Invalid request: a message is a JSON object, not {Describe(root.ValueKind)}.", null);
            }

            var hasId = root.TryGetProperty("id", out var id);
            if (hasId && id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null))
            {
                return FrameVerdict.Reject(ErrorCodes.InvalidRequest, "Invalid request: id must be a string, a number or null.", null);
            }

            var replyId = hasId ? id.Clone() : (JsonElement?)null;
            if (!root.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
            {
                return FrameVerdict.Reject(ErrorCodes.InvalidRequest, "Invalid request: jsonrpc must be \"2.0\".", replyId);
            }

            if (root.TryGetProperty("method", out var method))
            {
                if (method.ValueKind != JsonValueKind.String || method.GetString() is not { Length: > 0 })
                {
                    return FrameVerdict.Reject(ErrorCodes.InvalidRequest, "Invalid request: method must be a non-empty string.", replyId);
                }

                if (root.TryGetProperty("params", out var parameters) && parameters.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null))
                {
                    return FrameVerdict.Reject(ErrorCodes.InvalidRequest, "Invalid request: params must be an object.", replyId);
                }

                return hasId && id.ValueKind is JsonValueKind.String or JsonValueKind.Number ? FrameVerdict.ForwardRequest : FrameVerdict.Forward;
            }

            // A response: we never send requests to the client, so there is nothing to match it with.
            if (hasId && (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _)))
            {
                return FrameVerdict.Ignore("a response to no request of ours");
            }

            return FrameVerdict.Reject(ErrorCodes.InvalidRequest, "Invalid request: the message has no method.", replyId);
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };
}
