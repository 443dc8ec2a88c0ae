using System.Globalization;
using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Jsonc;
using Gitspaces.DevContainers.Model;

namespace Gitspaces.DevContainers.Metadata;

/// <summary>The reference's <c>mergeHostRequirements</c>: the maximum per field, sizes as byte counts in strings, GPUs merged.</summary>
internal static class HostRequirementsMerge
{
    public static JsonObject? Merge(IReadOnlyList<JsonObject> entries)
    {
        var requirements = entries.Select(e => e["hostRequirements"] as JsonObject).ToList();
        var cpus = requirements.Select(r => r?["cpus"] is JsonValue v && JsTruthiness.IsTruthy(v) ? JsTruthiness.ToDouble(v) : 0).DefaultIfEmpty(0).Max();
        var memory = requirements.Select(r => Bytes(r?["memory"])).DefaultIfEmpty(0).Max();
        var storage = requirements.Select(r => Bytes(r?["storage"])).DefaultIfEmpty(0).Max();
        JsonNode? gpu = null;
        foreach (var requirement in requirements)
        {
            gpu = MergeGpu(gpu, requirement?["gpu"]);
        }

        if (cpus == 0 && memory == 0 && storage == 0 && !JsTruthiness.IsTruthy(gpu))
        {
            return null;
        }

        var result = new JsonObject { ["cpus"] = JsNumber.ToNode(cpus) };
        if (memory != 0)
        {
            result["memory"] = memory.ToString(CultureInfo.InvariantCulture);
        }

        if (storage != 0)
        {
            result["storage"] = storage.ToString(CultureInfo.InvariantCulture);
        }

        if (gpu is not null)
        {
            result["gpu"] = gpu.DeepClone();
        }

        return result;
    }

    private static long Bytes(JsonNode? size)
        => size is JsonValue value && JsTruthiness.IsTruthy(value) ? HostRequirements.ParseBytes(value.TryGetValue<string>(out var s) ? s : value.ToJsonString()) ?? 0 : 0;

    private static JsonNode? MergeGpu(JsonNode? a, JsonNode? b)
    {
        if (a is null || IsFalse(a))
        {
            return b;
        }

        if (b is null || IsFalse(b))
        {
            return a;
        }

        if (IsOptional(a) && IsOptional(b))
        {
            return JsonValue.Create("optional");
        }

        var cores = Math.Max(Cores(a), Cores(b));
        var memory = Math.Max(Bytes((a as JsonObject)?["memory"]), Bytes((b as JsonObject)?["memory"]));
        var merged = new JsonObject();
        if (cores != 0)
        {
            merged["cores"] = JsNumber.ToNode(cores);
        }

        if (memory != 0)
        {
            merged["memory"] = memory.ToString(CultureInfo.InvariantCulture);
        }

        return merged;
    }

    private static bool IsFalse(JsonNode node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && !flag;

    private static bool IsOptional(JsonNode node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text == "optional";

    private static double Cores(JsonNode node) => node is JsonObject obj && obj["cores"] is JsonValue v && JsTruthiness.IsTruthy(v) ? JsTruthiness.ToDouble(v) : 0;
}
