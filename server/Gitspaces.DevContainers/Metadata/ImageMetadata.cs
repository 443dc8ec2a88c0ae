using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Jsonc;

namespace Gitspaces.DevContainers.Metadata;

/// <summary>
/// The image label <c>devcontainer.metadata</c> and the reference's <c>mergeConfiguration</c>: entries are
/// <c>[...base image label entries, ...Features in install order, devcontainer.json]</c>, merged per property.
/// </summary>
public static class ImageMetadata
{
    /// <summary>The label's name.</summary>
    public const string LabelName = "devcontainer.metadata";

    /// <summary>Lifecycle hooks that image metadata carries (not initializeCommand).</summary>
    public static readonly IReadOnlyList<string> LifecycleHooks = ["onCreateCommand", "updateContentCommand", "postCreateCommand", "postStartCommand", "postAttachCommand"];

    private static readonly string[] ConfigProperties =
    [
        "onCreateCommand", "updateContentCommand", "postCreateCommand", "postStartCommand", "postAttachCommand",
        "waitFor", "customizations", "mounts", "containerEnv", "containerUser", "init", "privileged", "capAdd", "securityOpt",
        "remoteUser", "userEnvProbe", "remoteEnv", "overrideCommand", "portsAttributes", "otherPortsAttributes", "forwardPorts",
        "shutdownAction", "updateRemoteUserUID", "hostRequirements",
    ];

    private static readonly string[] FeatureProperties =
    [
        "onCreateCommand", "updateContentCommand", "postCreateCommand", "postStartCommand", "postAttachCommand",
        "init", "privileged", "capAdd", "securityOpt", "entrypoint", "mounts", "customizations",
    ];

    private static readonly string[] ReplacedProperties =
        ["customizations", "entrypoint", "onCreateCommand", "updateContentCommand", "postCreateCommand", "postStartCommand", "postAttachCommand", "shutdownAction"];

    /// <summary>Parses a label value: an array of entries, or one object standing for a one-entry array. Anything else gives no entries.</summary>
    /// <param name="label">The label's value (JSON); null or empty gives no entries.</param>
    /// <param name="error">Why the label was ignored, or null.</param>
    public static List<JsonObject> ParseLabel(string? label, out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(label))
        {
            return [];
        }

        var document = JsoncParser.Parse(label, 64);
        if (document.NestingTooDeep || document.Errors.Any(e => e.Code != DiagnosticCodes.DuplicateKey))
        {
            error = "The image's devcontainer.metadata label is not valid JSON; it is ignored.";
            return [];
        }

        switch (document.Root)
        {
            case JsonArray array:
                return [.. array.OfType<JsonObject>()];
            case JsonObject obj:
                return [obj];
            default:
                error = "The image's devcontainer.metadata label is neither an object nor an array; it is ignored.";
                return [];
        }
    }

    /// <summary>The entry devcontainer.json contributes (<c>pickConfigProperties</c>).</summary>
    /// <param name="config">The configuration.</param>
    public static JsonObject FromConfig(JsonObject config) => Pick(config, ConfigProperties, null);

    /// <summary>The entry a Feature contributes (<c>pickFeatureProperties</c> plus <c>id</c>); its containerEnv is baked into the image instead.</summary>
    /// <param name="userFeatureId">The id as the user wrote it in <c>features</c>.</param>
    /// <param name="feature">The Feature's devcontainer-feature.json.</param>
    public static JsonObject FromFeature(string userFeatureId, JsonObject feature) => Pick(feature, FeatureProperties, userFeatureId);

    /// <summary>Merges <paramref name="entries"/> into <paramref name="config"/> with the reference's rules per property.</summary>
    /// <param name="config">The configuration (its own entry must be the last of <paramref name="entries"/>).</param>
    /// <param name="entries">Base image entries, Feature entries in install order, then the configuration's.</param>
    /// <returns>The merged configuration, shaped as the reference's <c>mergedConfiguration</c>.</returns>
    public static JsonObject Merge(JsonObject config, IReadOnlyList<JsonObject> entries)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(entries);
        var merged = (JsonObject)config.DeepClone();
        foreach (var property in ReplacedProperties)
        {
            merged.Remove(property);
        }

        var reversed = entries.Reverse().ToList();
        Set(merged, "init", JsonValue.Create(entries.Any(e => JsTruthiness.IsTruthy(e["init"]))));
        Set(merged, "privileged", JsonValue.Create(entries.Any(e => JsTruthiness.IsTruthy(e["privileged"]))));
        Set(merged, "capAdd", Union(entries.Select(e => e["capAdd"])));
        Set(merged, "securityOpt", Union(entries.Select(e => e["securityOpt"])));
        Set(merged, "entrypoints", Collect(entries, "entrypoint"));
        Set(merged, "mounts", MetadataMounts.Merge(entries));
        Set(merged, "customizations", Customizations(entries));
        foreach (var hook in LifecycleHooks)
        {
            Set(merged, hook + "s", new JsonArray([.. entries.Select(e => e[hook]).Where(JsTruthiness.IsTruthy).Select(c => c!.DeepClone())]));
        }

        Set(merged, "waitFor", LastTruthy(reversed, "waitFor"));
        Set(merged, "remoteUser", LastTruthy(reversed, "remoteUser"));
        Set(merged, "containerUser", LastTruthy(reversed, "containerUser"));
        Set(merged, "userEnvProbe", LastTruthy(reversed, "userEnvProbe"));
        Set(merged, "remoteEnv", Assign(entries, "remoteEnv"));
        Set(merged, "containerEnv", Assign(entries, "containerEnv"));
        Set(merged, "overrideCommand", LastBoolean(reversed, "overrideCommand"));
        Set(merged, "portsAttributes", Assign(entries, "portsAttributes"));
        Set(merged, "otherPortsAttributes", LastTruthy(reversed, "otherPortsAttributes"));
        Set(merged, "forwardPorts", ForwardPorts.Merge(entries));
        Set(merged, "shutdownAction", LastTruthy(reversed, "shutdownAction"));
        Set(merged, "updateRemoteUserUID", LastBoolean(reversed, "updateRemoteUserUID"));
        Set(merged, "hostRequirements", HostRequirementsMerge.Merge(entries));
        return merged;
    }

    private static JsonObject Pick(JsonObject source, string[] properties, string? id)
    {
        var entry = new JsonObject();
        if (id is not null)
        {
            entry["id"] = id;
        }

        foreach (var property in properties)
        {
            if (source.TryGetPropertyValue(property, out var value))
            {
                entry[property] = value?.DeepClone();
            }
        }

        return entry;
    }

    // An undefined value disappears from JSON.stringify's output; an existing key keeps its place.
    private static void Set(JsonObject target, string key, JsonNode? value)
    {
        if (value is null)
        {
            target.Remove(key);
        }
        else
        {
            target[key] = value;
        }
    }

    private static JsonNode? LastTruthy(List<JsonObject> reversed, string key)
        => reversed.Select(e => e[key]).FirstOrDefault(JsTruthiness.IsTruthy)?.DeepClone();

    private static JsonNode? LastBoolean(List<JsonObject> reversed, string key)
        => reversed.Select(e => e[key]).FirstOrDefault(v => v is JsonValue value && value.TryGetValue<bool>(out _))?.DeepClone();

    private static JsonObject Assign(IEnumerable<JsonObject> entries, string key)
    {
        var result = new JsonObject();
        foreach (var entry in entries)
        {
            if (entry[key] is JsonObject values)
            {
                foreach (var (name, value) in values)
                {
                    result[name] = value?.DeepClone();
                }
            }
        }

        JsObjectOrder.Apply(result);
        return result;
    }

    private static JsonArray? Union(IEnumerable<JsonNode?> lists)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new JsonArray();
        foreach (var list in lists.Where(JsTruthiness.IsTruthy))
        {
            foreach (var item in ValueOrList.Items(list))
            {
                // Set semantics: primitives by value, objects by identity (never equal across entries).
                if (item is JsonObject or JsonArray || seen.Add(item?.ToJsonString() ?? "null"))
                {
                    result.Add(item?.DeepClone());
                }
            }
        }

        return result.Count > 0 ? result : null;
    }

    private static JsonArray? Collect(IEnumerable<JsonObject> entries, string key)
    {
        var values = entries.Select(e => e[key]).Where(JsTruthiness.IsTruthy).Select(v => v!.DeepClone()).ToArray();
        return values.Length > 0 ? new JsonArray(values) : null;
    }

    private static JsonObject? Customizations(IEnumerable<JsonObject> entries)
    {
        var result = new JsonObject();
        foreach (var entry in entries)
        {
            if (entry["customizations"] is not JsonObject customizations)
            {
                continue;
            }

            foreach (var (tool, value) in customizations)
            {
                if (result[tool] is not JsonArray list)
                {
                    list = [];
                    result[tool] = list;
                }

                list.Add(value?.DeepClone());
            }
        }

        JsObjectOrder.Apply(result);
        return result.Count > 0 ? result : null;
    }
}
