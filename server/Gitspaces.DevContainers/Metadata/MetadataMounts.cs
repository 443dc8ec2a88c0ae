using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Jsonc;

namespace Gitspaces.DevContainers.Metadata;

/// <summary>The reference's <c>mergeMounts</c>: all mounts in order; for each target only the last one stays, at its own position.</summary>
internal static class MetadataMounts
{
    public static JsonArray? Merge(IEnumerable<JsonObject> entries)
    {
        var all = new List<JsonNode?>();
        foreach (var mounts in entries.Select(e => e["mounts"]).Where(JsTruthiness.IsTruthy))
        {
            if (mounts is JsonArray array)
            {
                all.AddRange(array);
            }
            else
            {
                all.Add(mounts);
            }
        }

        var seen = new HashSet<string?>();
        var kept = new List<JsonNode?>();
        for (var i = all.Count - 1; i >= 0; i--)
        {
            if (seen.Add(TargetOf(all[i])))
            {
                kept.Add(all[i]);
            }
        }

        kept.Reverse();
        return kept.Count > 0 ? new JsonArray([.. kept.Select(m => m?.DeepClone())]) : null;
    }

    /// <summary>The target as <c>parseMount</c> reads it: split on ',' then '=' (the value is the part before a second '='); dst and destination mean target.</summary>
    internal static string? TargetOf(JsonNode? mount)
    {
        if (mount is JsonObject obj)
        {
            return obj["target"] is JsonValue value && value.TryGetValue<string>(out var target) ? target : obj["target"]?.ToJsonString();
        }

        if (mount is not JsonValue text || !text.TryGetValue<string>(out var mountString))
        {
            return null;
        }

        string? result = null;
        foreach (var part in mountString.Split(','))
        {
            var pieces = part.Split('=');
            if (pieces[0] is "target" or "dst" or "destination")
            {
                result = pieces.Length > 1 ? pieces[1] : null;
            }
        }

        return result;
    }
}
