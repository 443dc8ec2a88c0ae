using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gitspaces.Protocol;
using StreamJsonRpc.Protocol;

namespace Gitspaces.Server.Rpc;

/// <summary>
/// Turns a request's raw <c>params</c> into its record, with errors that name the offending field
/// (<c>-32602</c>, <c>data.field</c> = JSON path), so a client author sees at once what to fix.
/// </summary>
internal static partial class ParamsBinder
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public static T Bind<T>(JsonElement? raw, JsonTypeInfo<T> typeInfo)
    {
        var element = raw is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } given ? given : EmptyObject;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("$", "params must be an object of named members");
        }

        try
        {
            return element.Deserialize(typeInfo) ?? throw Invalid("$", "params must be an object of named members");
        }
        catch (JsonException ex)
        {
            throw FromJsonException(ex);
        }
    }

    private static StreamJsonRpc.LocalRpcException FromJsonException(JsonException ex)
    {
        const string missingMarker = "missing required properties including: ";
        var message = ex.Message;
        var missing = message.IndexOf(missingMarker, StringComparison.Ordinal);
        if (missing >= 0)
        {
            var names = message[(missing + missingMarker.Length)..].TrimEnd('.').Replace("'", string.Empty, StringComparison.Ordinal);
            var first = names.Split(',')[0].Trim();
            var parent = ex.Path is { Length: > 1 } p ? p : "$";
            return Invalid($"{parent}.{first}", $"{parent}.{names} is required");
        }

        var path = ex.Path ?? "$";
        return Invalid(path, $"{path} {Mismatch(ex)}");
    }

    private static string Mismatch(JsonException ex)
    {
        // "Cannot get the value of a token type 'Number' as a string." names both sides of the mismatch.
        var match = TokenMismatch().Match(ex.InnerException?.Message ?? string.Empty);
        if (match.Success)
        {
            return $"has the wrong type: expected {Describe(match.Groups[2].Value)}, got {Describe(match.Groups[1].Value.ToLowerInvariant())}";
        }

        return ex.Message.Contains("could not be converted to", StringComparison.Ordinal)
            ? "has the wrong type or an unknown value"
            : "is not valid";
    }

    private static string Describe(string word) => word switch
    {
        "string" => "a string",
        "number" => "a number",
        "boolean" or "true" or "false" => "true or false",
        "startobject" => "an object",
        "startarray" => "an array",
        "null" => "null",
        _ => word,
    };

    private static StreamJsonRpc.LocalRpcException Invalid(string field, string reason) =>
        new($"Invalid params: {reason}.")
        {
            ErrorCode = (int)JsonRpcErrorCode.InvalidParams,
            ErrorData = new ErrorData { Kind = nameof(ErrorCodes.InvalidParams), Field = field },
        };

    [System.Text.RegularExpressions.GeneratedRegex("token type '(\\w+)' as an? (\\w+)")]
    private static partial System.Text.RegularExpressions.Regex TokenMismatch();
}
