using System.Text.Json;
using Gitspaces.Protocol;

namespace Gitspaces.Server.Rpc;

/// <summary>
/// Checks that a frame's body is a JSON-RPC 2.0 message before StreamJsonRpc sees it: StreamJsonRpc drops the
/// whole connection on a body it cannot parse, and a sidecar must instead answer and keep serving.
/// </summary>
internal static class FrameValidator
{
    /// <summary>
    /// How deep a message may nest (docs/protocol.md). Well below StreamJsonRpc's own 64, where it would drop the
    /// connection: every message of the protocol nests fewer than ten levels.
    /// </summary>
    public const int MaxDepth = 32;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth };

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

            // Every string and name must be text: invalid UTF-8 or a lone surrogate ("\ud800") in the method, the
            // version, the id or anywhere else would fail deep inside StreamJsonRpc and drop the connection.
            if (FirstUntranscodable(root) is { } where)
            {
                return FrameVerdict.Reject(ErrorCodes.InvalidRequest, $"Invalid request: {where} is not valid Unicode text (invalid UTF-8 or a lone surrogate).", null);
            }

            var hasId = root.TryGetProperty("id", out var id);
            if (hasId && id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null))
            {
                return FrameVerdict.Reject(ErrorCodes.InvalidRequest, "Invalid request: id must be a string, a number or null.", null);
            }

            if (hasId && id.ValueKind == JsonValueKind.Number && !IsWholeInt64(id))
            {
                // StreamJsonRpc holds numeric ids as 64-bit integers and drops the connection on any other number.
                return FrameVerdict.Reject(ErrorCodes.InvalidRequest, $"Invalid request: a numeric id must be a whole number between {long.MinValue} and {long.MaxValue}, not {Shorten(id.GetRawText())}.", null);
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

                // Every method takes named parameters; an empty array is no parameters at all.
                if (parameters.ValueKind == JsonValueKind.Array && parameters.GetArrayLength() > 0)
                {
                    return hasId && id.ValueKind is JsonValueKind.String or JsonValueKind.Number
                        ? FrameVerdict.Reject(ErrorCodes.InvalidParams, $"Invalid params: {method.GetString()} takes named parameters (an object), not a list.", replyId) with { Field = "$.params" }
                        : FrameVerdict.Ignore("a notification with positional params");
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

    private static bool IsWholeInt64(JsonElement number)
    {
        var raw = number.GetRawText();
        return !raw.AsSpan().ContainsAny(".eE") && raw != "-0" && number.TryGetInt64(out _);
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string? FirstUntranscodable(JsonElement element, string path = "$")
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return null;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        string name;
                        try
                        {
                            name = property.Name;
                        }
                        catch (InvalidOperationException)
                        {
                            return $"a member name in {path}";
                        }

                        if (FirstUntranscodable(property.Value, path + "." + name) is { } inner)
                        {
                            return inner;
                        }
                    }

                    return null;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (FirstUntranscodable(item, $"{path}[{index++}]") is { } inner)
                        {
                            return inner;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }
        catch (InvalidOperationException)
        {
            return path == "$" ? "the message" : path;
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
