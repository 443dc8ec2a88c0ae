using System.Text;
using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Jsonc;

namespace Gitspaces.DevContainers.Features;

/// <summary>A Feature's options as its install script sees them: <c>devcontainer-features.env</c> lines <c>NAME="value"</c>.</summary>
public static class FeatureOptions
{
    /// <summary>The reference's <c>getSafeId</c>: non-word characters become '_', leading digits and underscores one '_', upper case.</summary>
    /// <param name="name">An option name.</param>
    public static string SafeId(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        var safe = builder.ToString();
        var leading = 0;
        while (leading < safe.Length && (char.IsAsciiDigit(safe[leading]) || safe[leading] == '_'))
        {
            leading++;
        }

        if (leading > 0)
        {
            safe = "_" + safe[leading..];
        }

        return safe.ToUpperInvariant();
    }

    /// <summary>
    /// The values a Feature installs with (<c>getFeatureValueObject</c>): every declared default, overlaid with the
    /// user's object; a string or boolean instead of an object is the <c>version</c> option when the Feature declares one.
    /// Options the user sets but the Feature does not declare are passed too.
    /// </summary>
    /// <param name="feature">The Feature's definition.</param>
    /// <param name="userValue">The value of the Feature's key in <c>features</c>.</param>
    /// <returns>Option name and value as text, in the order the reference writes them.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> Values(FeatureDefinition feature, JsonNode? userValue)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var values = new JsonObject();
        foreach (var option in feature.Options)
        {
            if (option.Default is not null)
            {
                values[option.Name] = option.Default.DeepClone();
            }
        }

        if (userValue is JsonObject chosen)
        {
            foreach (var (name, value) in chosen)
            {
                values[name] = value?.DeepClone();
            }
        }
        else if (userValue is not null && feature.Options.Any(o => o.Name == "version"))
        {
            values["version"] = userValue.DeepClone();
        }

        JsObjectOrder.Apply(values);
        return [.. values.Select(p => KeyValuePair.Create(p.Key, AsText(p.Value)))];
    }

    /// <summary>The lines of <c>devcontainer-features.env</c>: <c>NAME="value"</c>, unescaped, as the reference writes them.</summary>
    /// <param name="feature">The Feature's definition.</param>
    /// <param name="userValue">The value of the Feature's key in <c>features</c>.</param>
    public static IReadOnlyList<string> EnvironmentLines(FeatureDefinition feature, JsonNode? userValue)
        => [.. Values(feature, userValue).Select(p => $"{SafeId(p.Key)}=\"{p.Value}\"")];

    // Template-literal conversion: strings as they are, booleans and numbers as JavaScript prints them.
    private static string AsText(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => JsNumber.Format(JsTruthiness.ToDouble(v)),
        JsonArray array => string.Join(',', array.Select(AsText)),
        _ => "[object Object]",
    };
}
