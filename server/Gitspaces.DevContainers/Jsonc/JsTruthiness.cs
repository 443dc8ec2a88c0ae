using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Jsonc;

/// <summary>JavaScript's truthiness for JSON values: null, false, 0, "" are falsy; objects and arrays (even empty) are truthy.</summary>
internal static class JsTruthiness
{
    public static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonObject or JsonArray => true,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>().Length > 0,
            JsonValueKind.False => false,
            JsonValueKind.Number => ToDouble(value) != 0,
            JsonValueKind.Null => false,
            _ => true,
        },
        _ => true,
    };

    /// <summary>The number a JSON number node holds, whatever CLR type backs it.</summary>
    public static double ToDouble(JsonValue value)
    {
        if (value.TryGetValue<long>(out var integer))
        {
            return integer;
        }

        if (value.TryGetValue<double>(out var real))
        {
            return real;
        }

        if (value.TryGetValue<int>(out var small))
        {
            return small;
        }

        return value.TryGetValue<JsonElement>(out var element) && element.ValueKind == JsonValueKind.Number ? element.GetDouble() : double.NaN;
    }
}
