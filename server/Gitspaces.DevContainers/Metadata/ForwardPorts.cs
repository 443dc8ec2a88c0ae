using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gitspaces.DevContainers.Jsonc;

namespace Gitspaces.DevContainers.Metadata;

/// <summary>The reference's <c>mergeForwardPorts</c>: a number N and <c>"localhost:N"</c> are one port; other strings are kept as they are.</summary>
internal static partial class ForwardPorts
{
    public static JsonArray? Merge(IEnumerable<JsonObject> entries)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new JsonArray();
        foreach (var ports in entries.Select(e => e["forwardPorts"]).Where(JsTruthiness.IsTruthy))
        {
            foreach (var port in ValueOrList.Items(ports))
            {
                var key = port is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
                    ? "localhost:" + JsNumber.Format(JsTruthiness.ToDouble(value))
                    : port is JsonValue text && text.TryGetValue<string>(out var s) ? s : null;
                if (key is null)
                {
                    result.Add(port?.DeepClone());
                }
                else if (seen.Add(key))
                {
                    result.Add((JsonNode?)(LocalhostPattern().IsMatch(key) ? ParseIntAfterPrefix(key) : JsonValue.Create(key)));
                }
            }
        }

        return result.Count > 0 ? result : null;
    }

    // parseInt(port.substring('localhost:'.length)), including its quirks: the regex is not anchored.
    private static JsonValue? ParseIntAfterPrefix(string port)
    {
        var rest = port.Length > 10 ? port[10..].TrimStart() : string.Empty;
        var match = LeadingInteger().Match(rest);
        return match.Success && long.TryParse(match.Value, System.Globalization.CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : null;
    }

    [GeneratedRegex("localhost:\\d+", RegexOptions.CultureInvariant)]
    private static partial Regex LocalhostPattern();

    [GeneratedRegex("^[+-]?\\d+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingInteger();
}
