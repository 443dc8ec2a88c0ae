using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// The merged view of the <c>devcontainer.metadata</c> entries (base image first, devcontainer.json last) with the
/// spec's merge rules for the properties the Docker provider applies.
/// </summary>
internal sealed record ImageMetadata
{
    /// <summary>Gets the entries, oldest first, as stored in the label.</summary>
    public required IReadOnlyList<JsonObject> Entries { get; init; }

    /// <summary>Gets whether any entry asks for an init process.</summary>
    public bool Init { get; init; }

    /// <summary>Gets whether any entry asks for a privileged container.</summary>
    public bool Privileged { get; init; }

    /// <summary>Gets the union of added capabilities.</summary>
    public IReadOnlyList<string> CapAdd { get; init; } = [];

    /// <summary>Gets the union of security options.</summary>
    public IReadOnlyList<string> SecurityOpt { get; init; } = [];

    /// <summary>Gets every entrypoint contributed, in order.</summary>
    public IReadOnlyList<string> Entrypoints { get; init; } = [];

    /// <summary>Gets the mounts, de-duplicated by target (the last wins).</summary>
    public IReadOnlyList<JsonNode> Mounts { get; init; } = [];

    /// <summary>Gets the last truthy <c>remoteUser</c>.</summary>
    public string? RemoteUser { get; init; }

    /// <summary>Gets the last truthy <c>containerUser</c>.</summary>
    public string? ContainerUser { get; init; }

    /// <summary>Gets the last boolean <c>overrideCommand</c>.</summary>
    public bool? OverrideCommand { get; init; }

    /// <summary>Gets the container environment, per variable the last wins.</summary>
    public IReadOnlyDictionary<string, string> ContainerEnv { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the remote environment, per variable the last wins.</summary>
    public IReadOnlyDictionary<string, string> RemoteEnv { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the collected lifecycle commands and <c>waitFor</c>.</summary>
    public required LifecyclePlan Lifecycle { get; init; }

    /// <summary>Parses an image's <c>devcontainer.metadata</c> label: an array of entries or one object; invalid JSON counts as none.</summary>
    /// <param name="label">The label value, or <see langword="null"/>.</param>
    /// <returns>The entries.</returns>
    public static List<JsonObject> ParseLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(label) switch
            {
                JsonArray array => [.. array.OfType<JsonObject>()],
                JsonObject single => [single],
                _ => [],
            };
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Merges entries with the spec's rules.</summary>
    /// <param name="entries">The entries, base image first, devcontainer.json last.</param>
    /// <param name="origins">Who contributed each entry, for lifecycle messages.</param>
    /// <returns>The merged metadata.</returns>
    public static ImageMetadata Merge(IReadOnlyList<JsonObject> entries, IReadOnlyList<string> origins)
    {
        var capAdd = new List<string>();
        var securityOpt = new List<string>();
        var entrypoints = new List<string>();
        var mounts = new List<(string? Target, JsonNode Mount)>();
        var containerEnv = new Dictionary<string, string>(StringComparer.Ordinal);
        var remoteEnv = new Dictionary<string, string>(StringComparer.Ordinal);
        var lifecycle = new LifecyclePlan();
        bool init = false, privileged = false;
        bool? overrideCommand = null;
        string? remoteUser = null, containerUser = null, waitFor = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            init |= entry["init"] is JsonValue v1 && v1.TryGetValue<bool>(out var b1) && b1;
            privileged |= entry["privileged"] is JsonValue v2 && v2.TryGetValue<bool>(out var b2) && b2;
            AddUnion(capAdd, entry["capAdd"]);
            AddUnion(securityOpt, entry["securityOpt"]);
            if (Text(entry["entrypoint"]) is { } entrypoint)
            {
                entrypoints.Add(entrypoint);
            }

            if (entry["mounts"] is JsonArray entryMounts)
            {
                foreach (var mount in entryMounts.OfType<JsonNode>())
                {
                    var target = MountTarget(mount);
                    mounts.RemoveAll(m => target is not null && m.Target == target);
                    mounts.Add((target, mount.DeepClone()));
                }
            }

            remoteUser = Text(entry["remoteUser"]) ?? remoteUser;
            containerUser = Text(entry["containerUser"]) ?? containerUser;
            waitFor = Text(entry["waitFor"]) ?? waitFor;
            if (entry["overrideCommand"] is JsonValue ov && ov.TryGetValue<bool>(out var overrideValue))
            {
                overrideCommand = overrideValue;
            }

            CopyEnv(containerEnv, entry["containerEnv"]);
            CopyEnv(remoteEnv, entry["remoteEnv"]);
            foreach (var hook in LifecycleHooks.All)
            {
                if (entry[hook] is { } command)
                {
                    if (!lifecycle.Hooks.TryGetValue(hook, out var list))
                    {
                        lifecycle.Hooks[hook] = list = [];
                    }

                    list.Add(new LifecycleCommand { Origin = origins[i], Command = JsonSerializer.SerializeToElement(command, DockerJsonContext.Default.JsonNode) });
                }
            }
        }

        return new ImageMetadata
        {
            Entries = entries,
            Init = init,
            Privileged = privileged,
            CapAdd = capAdd,
            SecurityOpt = securityOpt,
            Entrypoints = entrypoints,
            Mounts = [.. mounts.Select(m => m.Mount)],
            RemoteUser = remoteUser,
            ContainerUser = containerUser,
            OverrideCommand = overrideCommand,
            ContainerEnv = containerEnv,
            RemoteEnv = remoteEnv,
            Lifecycle = lifecycle with { WaitFor = waitFor ?? LifecycleHooks.DefaultWaitFor },
        };
    }

    /// <summary>Returns a mount's target: the <c>target</c> property, or <c>target=</c>/<c>dst=</c>/<c>destination=</c> in the string form.</summary>
    /// <param name="mount">The mount.</param>
    /// <returns>The target, when there is one.</returns>
    public static string? MountTarget(JsonNode mount)
    {
        if (mount is JsonObject obj)
        {
            return Text(obj["target"]);
        }

        if (Text(mount) is not { } text)
        {
            return null;
        }

        foreach (var part in text.Split(','))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2 && pair[0].Trim() is "target" or "dst" or "destination")
            {
                return pair[1].Trim();
            }
        }

        return null;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static void AddUnion(List<string> into, JsonNode? node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array.Select(Text).OfType<string>())
            {
                if (!into.Contains(item, StringComparer.Ordinal))
                {
                    into.Add(item);
                }
            }
        }
    }

    private static void CopyEnv(Dictionary<string, string> into, JsonNode? node)
    {
        if (node is JsonObject env)
        {
            foreach (var (key, value) in env)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var text))
                {
                    into[key] = text;
                }
                else if (value is not null)
                {
                    into[key] = value.ToJsonString();
                }
            }
        }
    }
}
