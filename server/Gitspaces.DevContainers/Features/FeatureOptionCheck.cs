using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Features;

/// <summary>
/// Checks the value a configuration gives a Feature against its declared options before anything is built: the
/// schema allows an object of strings and booleans, a version string or a boolean; a declared boolean option takes
/// a boolean (or "true"/"false"), and a strict <c>enum</c> takes only its values. The reference CLI passes such
/// values through unchecked (an object would reach install.sh as <c>[object Object]</c>); failing early names the
/// Feature and option instead of a failing install.sh.
/// </summary>
public static class FeatureOptionCheck
{
    /// <summary>Returns what is wrong with a Feature's value, one message each; empty when it is fine.</summary>
    /// <param name="step">The Feature and the value it was given.</param>
    public static IReadOnlyList<string> Problems(FeatureInstallStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var problems = new List<string>();
        var feature = step.Reference.UserId;
        switch (step.UserValue)
        {
            case null:
                break;
            case JsonObject options:
                foreach (var (name, value) in options)
                {
                    var declared = step.Definition.Options.FirstOrDefault(o => o.Name == name);
                    if (Problem(value, declared) is { } problem)
                    {
                        problems.Add($"Feature \"{feature}\": option \"{name}\" {problem}");
                    }
                }

                break;
            case JsonValue value when value.GetValueKind() is JsonValueKind.String or JsonValueKind.True or JsonValueKind.False:
                var version = step.Definition.Options.FirstOrDefault(o => o.Name == "version");
                if (version is not null && Problem(value, version) is { } versionProblem)
                {
                    problems.Add($"Feature \"{feature}\": option \"version\" {versionProblem}");
                }

                break;
            default:
                problems.Add($"Feature \"{feature}\": the value must be an object of options, a version string or a boolean, not {step.UserValue.ToJsonString()}.");
                break;
        }

        return problems;
    }

    private static string? Problem(JsonNode? value, FeatureOption? declared)
    {
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        if (kind is not (JsonValueKind.String or JsonValueKind.True or JsonValueKind.False))
        {
            return $"must be a string or a boolean, not {value?.ToJsonString() ?? "null"}.";
        }

        if (declared is null)
        {
            return null;
        }

        var text = kind == JsonValueKind.String ? value!.GetValue<string>() : kind == JsonValueKind.True ? "true" : "false";
        if (declared.Type == "boolean" && text is not ("true" or "false"))
        {
            return $"is a boolean option; \"{text}\" is neither true nor false.";
        }

        if (declared.Type == "string" && declared.Enum is { Count: > 0 } allowed && !allowed.Contains(text, StringComparer.Ordinal))
        {
            return $"must be one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}, not \"{text}\".";
        }

        return null;
    }
}
