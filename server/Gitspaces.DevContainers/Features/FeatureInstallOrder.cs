using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Features;

/// <summary>
/// The reference's <c>computeDependsOnInstallationOrder</c>: the user's Features plus the <c>dependsOn</c> closure
/// (the same Feature with other options is another Feature), <c>installsAfter</c> ordering only what is queued,
/// <c>overrideFeatureInstallOrder</c> as round priorities (n − i), and rounds that commit only the candidates of the
/// highest priority, sorted stably.
/// </summary>
public static class FeatureInstallOrder
{
    /// <summary>Orders Features for installation.</summary>
    /// <param name="features">The configuration's <c>features</c>, in file order.</param>
    /// <param name="configFilePath">The configuration file (local ids are relative to its folder).</param>
    /// <param name="workspaceFolder">The workspace folder (local Features must be in its <c>.devcontainer/</c>).</param>
    /// <param name="resolve">Gets a Feature's definition (reads a local folder, or fetches and extracts it).</param>
    /// <param name="overrideFeatureInstallOrder">The configuration's <c>overrideFeatureInstallOrder</c>, or null.</param>
    /// <param name="cancellationToken">Cancels resolving.</param>
    /// <exception cref="FeatureOrderException">An id does not resolve, a dependency is circular, or an override entry matches no Feature.</exception>
    public static async Task<IReadOnlyList<FeatureInstallStep>> ComputeAsync(
        IEnumerable<KeyValuePair<string, JsonNode?>> features,
        string configFilePath,
        string workspaceFolder,
        Func<FeatureReference, CancellationToken, Task<FeatureDefinition>> resolve,
        IReadOnlyList<string>? overrideFeatureInstallOrder = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(resolve);
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        var definitions = new Dictionary<string, FeatureDefinition>(StringComparer.Ordinal);

        async Task<Node> VisitAsync(string userId, JsonNode? value, Stack<string> path)
        {
            var reference = FeatureReference.TryParse(userId, configFilePath, workspaceFolder, out var error)
                ?? throw new FeatureOrderException(DiagnosticCodes.InvalidFeature, error!);
            var key = Node.KeyOf(reference, value);
            if (path.Contains(key))
            {
                throw new FeatureOrderException(DiagnosticCodes.FeatureCycle, $"Circular dependency detected: {string.Join(" -> ", path.Reverse().Append(key))}.");
            }

            if (nodes.TryGetValue(key, out var existing))
            {
                return existing;
            }

            var definitionKey = reference.ResourceKey + "@" + (reference.Oci?.Version ?? string.Empty);
            if (!definitions.TryGetValue(definitionKey, out var definition))
            {
                definition = await resolve(reference, cancellationToken).ConfigureAwait(false);
                definitions[definitionKey] = definition;
            }

            var node = new Node(reference, value, definition, key);
            path.Push(key);
            foreach (var (dependencyId, dependencyValue) in definition.DependsOn)
            {
                node.DependsOn.Add(await VisitAsync(dependencyId, dependencyValue, path).ConfigureAwait(false));
            }

            path.Pop();
            nodes[key] = node;
            return node;
        }

        foreach (var (userId, value) in features)
        {
            await VisitAsync(userId, value, new Stack<string>()).ConfigureAwait(false);
        }

        var all = nodes.Values.ToList();
        foreach (var node in all)
        {
            foreach (var after in node.Definition.InstallsAfter)
            {
                node.InstallsAfter.AddRange(all.Where(other => other != node && Matches(other, after, configFilePath, workspaceFolder)));
            }
        }

        if (overrideFeatureInstallOrder is { Count: > 0 } order)
        {
            for (var i = 0; i < order.Count; i++)
            {
                var matched = all.Where(n => Matches(n, order[i], configFilePath, workspaceFolder)).ToList();
                if (matched.Count == 0)
                {
                    throw new FeatureOrderException(DiagnosticCodes.InvalidFeature, $"overrideFeatureInstallOrder names \"{order[i]}\", which is not one of the Features.");
                }

                foreach (var node in matched)
                {
                    node.RoundPriority = order.Count - i;
                }
            }
        }

        var installed = new HashSet<Node>();
        var result = new List<FeatureInstallStep>();
        while (installed.Count < all.Count)
        {
            var candidates = all.Where(n => !installed.Contains(n) && n.DependsOn.All(installed.Contains) && n.InstallsAfter.All(installed.Contains)).ToList();
            if (candidates.Count == 0)
            {
                var remaining = string.Join(", ", all.Where(n => !installed.Contains(n)).Select(n => n.Reference.UserId));
                throw new FeatureOrderException(DiagnosticCodes.FeatureCycle, $"Circular dependency detected among the Features {remaining} (dependsOn / installsAfter).");
            }

            var top = candidates.Max(n => n.RoundPriority);
            foreach (var node in candidates.Where(n => n.RoundPriority == top).Order(Node.RoundOrder))
            {
                installed.Add(node);
                result.Add(new FeatureInstallStep(node.Reference, node.Value, node.Definition));
            }
        }

        return result;
    }

    /// <summary>Soft matching (installsAfter, override order): the id without version, against the resource, the legacy ids, the folder or the URL.</summary>
    private static bool Matches(Node node, string id, string configFilePath, string workspaceFolder)
    {
        var reference = node.Reference;
        if (FeatureReference.TryParse(id, configFilePath, workspaceFolder, out _) is { } other && other.Kind == reference.Kind)
        {
            if (reference.Kind != FeatureSourceKind.Oci)
            {
                return string.Equals(other.ResourceKey, reference.ResourceKey, StringComparison.Ordinal);
            }

            if (other.Oci!.Resource == reference.Oci!.Resource)
            {
                return true;
            }
        }

        if (reference.Kind != FeatureSourceKind.Oci)
        {
            return false;
        }

        var lower = id.ToLowerInvariant();
        var registryAndNamespace = reference.Oci!.Resource[..reference.Oci.Resource.LastIndexOf('/')];
        return node.Definition.LegacyIds.Any(legacy => lower == $"{registryAndNamespace}/{legacy.ToLowerInvariant()}");
    }

    private sealed class Node(FeatureReference reference, JsonNode? value, FeatureDefinition definition, string key)
    {
        public static readonly Comparer<Node> RoundOrder = Comparer<Node>.Create(Compare);

        public FeatureReference Reference { get; } = reference;

        public JsonNode? Value { get; } = value;

        public FeatureDefinition Definition { get; } = definition;

        public string Key { get; } = key;

        public List<Node> DependsOn { get; } = [];

        public List<Node> InstallsAfter { get; } = [];

        public int RoundPriority { get; set; }

        private int OptionCount => this.Value is JsonObject options ? options.Count : 0;

        public static string KeyOf(FeatureReference reference, JsonNode? value)
            => $"{reference.ResourceKey}@{reference.Oci?.Version}#{value?.ToJsonString() ?? string.Empty}";

        // The reference sorts by resource, then tag, then fewer options, then the options themselves, then the id.
        // It uses localeCompare; ids are lower-case, so ordinal order differs only around punctuation.
        private static int Compare(Node? a, Node? b)
        {
            if (a is null || b is null)
            {
                return a is null ? (b is null ? 0 : -1) : 1;
            }

            var result = string.CompareOrdinal(a.Reference.ResourceKey, b.Reference.ResourceKey);
            if (result == 0)
            {
                result = string.CompareOrdinal(a.Reference.Oci?.Version, b.Reference.Oci?.Version);
            }

            if (result == 0)
            {
                result = a.OptionCount.CompareTo(b.OptionCount);
            }

            return result != 0 ? result : string.CompareOrdinal(a.Key, b.Key);
        }
    }
}
