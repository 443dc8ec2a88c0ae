using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Metadata;
using Gitspaces.DevContainers.Model;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// The typed view of <see cref="ImageMetadata.Merge"/> over the <c>devcontainer.metadata</c> entries (base image first,
/// devcontainer.json last): the properties the Docker provider applies, and who contributed each lifecycle command.
/// </summary>
internal sealed record MergedMetadata
{
    /// <summary>Gets the entries for the label, oldest first: as written (unsubstituted), none of them empty, as the reference writes it.</summary>
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

    /// <summary>Gets the last boolean <c>updateRemoteUserUID</c>, or null when no entry sets it.</summary>
    public bool? UpdateRemoteUserUid { get; init; }

    /// <summary>Gets the container environment, per variable the last wins.</summary>
    public IReadOnlyDictionary<string, string> ContainerEnv { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the remote environment, per variable the last wins.</summary>
    public IReadOnlyDictionary<string, string> RemoteEnv { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the collected lifecycle commands and <c>waitFor</c>.</summary>
    public required LifecyclePlan Lifecycle { get; init; }

    /// <summary>Parses the <c>devcontainer.metadata</c> label among an image's or a container's labels; an invalid or missing label counts as no entries.</summary>
    /// <param name="labels">The labels, or <see langword="null"/> when there are none.</param>
    /// <returns>The entries, oldest first.</returns>
    public static List<JsonObject> EntriesIn(IDictionary<string, string>? labels) =>
        ImageMetadata.ParseLabel(labels is not null && labels.TryGetValue(DockerLabels.Metadata, out var label) ? label : null, out _);

    /// <summary>Merges entries with the reference's rules (<c>Gitspaces.DevContainers</c>), keeping who contributed each lifecycle command.</summary>
    /// <param name="config">The configuration.</param>
    /// <param name="entries">The entries as written, base image first, devcontainer.json (<paramref name="config"/>'s entry) last.</param>
    /// <param name="origins">Who contributed each entry, for lifecycle messages.</param>
    /// <param name="substitute">
    /// Substitutes an entry's variables before it is merged (the spec substitutes image and Feature metadata as it does
    /// devcontainer.json); the label keeps the entries as written. None: the entries are merged as they are.
    /// </param>
    /// <returns>The merged metadata.</returns>
    public static MergedMetadata Merge(JsonObject config, IReadOnlyList<JsonObject> entries, IReadOnlyList<string> origins, Func<JsonNode?, JsonNode?>? substitute = null)
    {
        // Like the reference's getDevcontainerMetadata: an entry with no property (a configuration that contributes
        // nothing) is dropped, from the label and from the merge alike.
        var kept = new List<JsonObject>(entries.Count);
        var keptOrigins = new List<string>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Count > 0)
            {
                kept.Add(entries[i]);
                keptOrigins.Add(origins[i]);
            }
        }

        var written = kept;
        origins = keptOrigins;
        entries = substitute is null ? kept : [.. kept.Select(e => (JsonObject)substitute(e)!)];
        var merged = ImageMetadata.Merge(config, entries);
        var remoteEnv = Env(merged["remoteEnv"]);
        var lifecycle = new LifecyclePlan { WaitFor = Text(merged["waitFor"]) ?? LifecycleHooks.DefaultWaitFor, RemoteEnv = remoteEnv };
        foreach (var hook in LifecycleHooks.All)
        {
            // The merged "<hook>s" list drops who contributed each command; the entries still say it.
            var commands = new List<ContributedCommand>();
            for (var i = 0; i < entries.Count; i++)
            {
                if (LifecycleCommand.FromJson(entries[i][hook]) is { } command)
                {
                    commands.Add(new ContributedCommand { Origin = origins[i], Command = command });
                }
            }

            lifecycle.Hooks[hook] = commands;
        }

        return new MergedMetadata
        {
            Entries = written,
            Init = merged["init"] is JsonValue init && init.TryGetValue<bool>(out var initValue) && initValue,
            Privileged = merged["privileged"] is JsonValue privileged && privileged.TryGetValue<bool>(out var privilegedValue) && privilegedValue,
            CapAdd = Strings(merged["capAdd"]),
            SecurityOpt = Strings(merged["securityOpt"]),
            Entrypoints = Strings(merged["entrypoints"]),
            Mounts = merged["mounts"] is JsonArray mounts ? [.. mounts.OfType<JsonNode>().Select(m => m.DeepClone())] : [],
            RemoteUser = Text(merged["remoteUser"]),
            ContainerUser = Text(merged["containerUser"]),
            OverrideCommand = merged["overrideCommand"] is JsonValue ov && ov.TryGetValue<bool>(out var overrideValue) ? overrideValue : null,
            UpdateRemoteUserUid = merged["updateRemoteUserUID"] is JsonValue uid && uid.TryGetValue<bool>(out var uidValue) ? uidValue : null,
            ContainerEnv = Env(merged["containerEnv"]),
            RemoteEnv = remoteEnv,
            Lifecycle = lifecycle,
        };
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static List<string> Strings(JsonNode? node) => node is JsonArray array ? [.. array.Select(Text).OfType<string>()] : [];

    private static Dictionary<string, string> Env(JsonNode? node)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject values)
        {
            foreach (var (key, value) in values)
            {
                if (value is not null)
                {
                    env[key] = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value.ToJsonString();
                }
            }
        }

        return env;
    }
}
