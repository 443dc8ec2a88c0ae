using System.Text.Json;
using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Jsonc;

namespace Gitspaces.DevContainers.Validation;

/// <summary>Checks the raw (unsubstituted) file against <see cref="ConfigSchema"/>: types, allowed values, unknown and legacy properties.</summary>
internal static class ConfigValidator
{
    public static void Validate(JsonObject root, DiagnosticBag bag)
    {
        CheckObject(root, ConfigSchema.Root, bag);
        foreach (var (legacy, replacement) in ConfigSchema.Legacy)
        {
            if (root.ContainsKey(legacy))
            {
                bag.AddAtKey(root, legacy, DiagnosticSeverity.Info, DiagnosticCodes.Deprecated, $"\"{legacy}\" is a legacy property; it still works, but \"{replacement}\" replaces it.");
            }
        }
    }

    internal static JsonKinds KindOf(JsonNode? node) => node switch
    {
        null => JsonKinds.Null,
        JsonObject => JsonKinds.Object,
        JsonArray => JsonKinds.Array,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => JsonKinds.String,
            JsonValueKind.True or JsonValueKind.False => JsonKinds.Boolean,
            JsonValueKind.Number => JsTruthiness.ToDouble(value) is var d && Math.Floor(d) == d ? JsonKinds.Integer : JsonKinds.Fraction,
            _ => JsonKinds.Null,
        },
        _ => JsonKinds.Null,
    };

    private static string Describe(JsonKinds kind) => kind switch
    {
        JsonKinds.String => "a string",
        JsonKinds.Integer => "an integer",
        JsonKinds.Fraction => "a number with a fraction",
        JsonKinds.Boolean => "a boolean",
        JsonKinds.Array => "an array",
        JsonKinds.Object => "an object",
        _ => "null",
    };

    // The name is made only when there is something to report: naming every value (JsonNode.GetPath) costs a process
    // that reads one configuration a few milliseconds of start-up for messages it almost never prints.
    private static void Check(JsonNode? node, ValueShape shape, Func<string> name, DiagnosticBag bag, Action<DiagnosticSeverity, string, string> report)
    {
        var kind = KindOf(node);
        if ((shape.Kinds & kind) == 0)
        {
            report(DiagnosticSeverity.Error, DiagnosticCodes.WrongType, $"\"{name()}\" should be {shape.Description}, not {Describe(kind)}.");
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                CheckObject(obj, shape, bag);
                break;
            case JsonArray array when shape.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    var item = array[i];
                    var anchor = (JsonNode?)item ?? array;
                    var index = i;
                    Check(item, items, () => $"{name()}[{index}]", bag, (severity, code, message) => bag.AddAt(anchor, severity, code, message));
                }

                break;
            case JsonValue value when kind == JsonKinds.String:
                var text = value.GetValue<string>();
                if (shape.AllowedStrings is { } allowed && Array.IndexOf(allowed, text) < 0)
                {
                    report(DiagnosticSeverity.Error, DiagnosticCodes.InvalidValue, $"\"{name()}\" should be {shape.Description}, not \"{text}\".");
                }
                else if (shape.StringCheck is { } check && !check(text))
                {
                    report(DiagnosticSeverity.Error, DiagnosticCodes.InvalidValue, $"\"{name()}\" should be {shape.Description}, not \"{text}\".");
                }

                break;
        }
    }

    private static void CheckObject(JsonObject obj, ValueShape shape, DiagnosticBag bag)
    {
        foreach (var (key, child) in obj)
        {
            ValueShape? childShape = null;
            if (shape.Properties?.TryGetValue(key, out var known) == true)
            {
                childShape = known;
            }
            else if (shape.MapValues is { } values)
            {
                childShape = values;
            }
            else if (shape.ReportUnknown)
            {
                bag.AddAtKey(obj, key, DiagnosticSeverity.Warning, DiagnosticCodes.UnknownProperty, $"\"{key}\" is not a devcontainer.json property; it is ignored.");
            }

            if (childShape is not null)
            {
                Check(child, childShape, () => DisplayName(obj, key), bag, (severity, code, message) => bag.AddAt(obj, key, severity, code, message));
            }
        }
    }

    private static string DisplayName(JsonObject parent, string key)
    {
        var parentPath = parent.GetPath();
        return parentPath == "$" ? key : JsonPaths.Child(parentPath, key)[2..];
    }
}
