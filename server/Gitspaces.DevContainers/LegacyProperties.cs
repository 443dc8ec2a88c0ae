using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Jsonc;

namespace Gitspaces.DevContainers;

/// <summary>
/// The reference's <c>updateFromOldProperties</c>: top-level <c>extensions</c>, <c>settings</c> and <c>devPort</c>
/// move under <c>customizations.vscode</c> (existing customization values win), with JavaScript's truthiness rules.
/// </summary>
internal static class LegacyProperties
{
    /// <summary>Migrates in place; returns false (and leaves <paramref name="config"/> as it is) where the reference would fail or lose data on a non-object <c>customizations</c>.</summary>
    public static bool Migrate(JsonObject config)
    {
        var extensions = config["extensions"];
        var settings = config["settings"];
        var hasDevPort = config.ContainsKey("devPort");
        if (!(JsTruthiness.IsTruthy(extensions) || JsTruthiness.IsTruthy(settings) || hasDevPort))
        {
            return true;
        }

        if (!TryGetOrCreateObject(config, "customizations", out var customizations)
            || !TryGetOrCreateObject(customizations, "vscode", out var vscode))
        {
            return false;
        }

        if (JsTruthiness.IsTruthy(extensions))
        {
            var combined = vscode["extensions"] is JsonArray existing ? (JsonArray)existing.DeepClone() : [];
            if (extensions is JsonArray list)
            {
                foreach (var item in list)
                {
                    combined.Add(item?.DeepClone());
                }
            }
            else
            {
                combined.Add(extensions!.DeepClone());
            }

            vscode["extensions"] = combined;
            config.Remove("extensions");
        }

        if (JsTruthiness.IsTruthy(settings))
        {
            var merged = new JsonObject();
            Spread(merged, settings);
            Spread(merged, vscode["settings"]);
            JsObjectOrder.Apply(merged);
            vscode["settings"] = merged;
            config.Remove("settings");
        }

        if (hasDevPort && !vscode.ContainsKey("devPort"))
        {
            vscode["devPort"] = config["devPort"]?.DeepClone();
            config.Remove("devPort");
        }

        return true;
    }

    private static bool TryGetOrCreateObject(JsonObject parent, string key, out JsonObject result)
    {
        var current = parent[key];
        if (current is JsonObject existing)
        {
            result = existing;
            return true;
        }

        if (JsTruthiness.IsTruthy(current))
        {
            result = null!;
            return false;
        }

        result = [];
        parent[key] = result;
        return true;
    }

    // Object spread: own enumerable properties; a string spreads its characters by index, other primitives nothing.
    private static void Spread(JsonObject target, JsonNode? source)
    {
        switch (source)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    target[key] = value?.DeepClone();
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    target[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = array[i]?.DeepClone();
                }

                break;
            case JsonValue value when Model.ConfigBinder.String(value) is { } text:
                for (var i = 0; i < text.Length; i++)
                {
                    target[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = text[i].ToString();
                }

                break;
        }
    }
}
