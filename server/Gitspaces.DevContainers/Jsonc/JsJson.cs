using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Variables;

namespace Gitspaces.DevContainers.Jsonc;

/// <summary>JSON text as JavaScript's <c>JSON.stringify</c> writes it (no spaces, non-ASCII kept), so labels read like the reference's.</summary>
internal static class JsJson
{
    public static string Stringify(JsonNode? node)
    {
        var builder = new StringBuilder();
        Append(builder, node);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    builder.Append(first ? string.Empty : ",");
                    first = false;
                    JsString.AppendQuoted(builder, key);
                    builder.Append(':');
                    Append(builder, value);
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ",");
                    Append(builder, array[i]);
                }

                builder.Append(']');
                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                JsString.AppendQuoted(builder, text);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                builder.Append(JsNumber.Format(JsTruthiness.ToDouble(value)));
                break;
            default:
                builder.Append(node.ToJsonString());
                break;
        }
    }
}
