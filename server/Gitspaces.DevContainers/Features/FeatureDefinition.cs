using System.Text;
using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Files;
using Gitspaces.DevContainers.Jsonc;
using Gitspaces.DevContainers.Model;

namespace Gitspaces.DevContainers.Features;

/// <summary>A Feature's <c>devcontainer-feature.json</c>, read leniently as the reference reads it.</summary>
public sealed class FeatureDefinition
{
    private const long MaxDefinitionBytes = 1024 * 1024;

    /// <summary>Gets the file as parsed.</summary>
    public required JsonObject Json { get; init; }

    /// <summary>Gets <c>id</c>.</summary>
    public string? Id { get; init; }

    /// <summary>Gets <c>version</c>.</summary>
    public string? Version { get; init; }

    /// <summary>Gets <c>name</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Gets <c>options</c> in file order.</summary>
    public IReadOnlyList<FeatureOption> Options { get; init; } = [];

    /// <summary>Gets <c>containerEnv</c>: baked into the image as ENV before the Feature's install layer (not part of its metadata entry).</summary>
    public IReadOnlyDictionary<string, string> ContainerEnv { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets <c>mounts</c>.</summary>
    public IReadOnlyList<MountDefinition> Mounts { get; init; } = [];

    /// <summary>Gets <c>capAdd</c>.</summary>
    public IReadOnlyList<string> CapAdd { get; init; } = [];

    /// <summary>Gets <c>securityOpt</c>.</summary>
    public IReadOnlyList<string> SecurityOpt { get; init; } = [];

    /// <summary>Gets <c>privileged</c>.</summary>
    public bool Privileged { get; init; }

    /// <summary>Gets <c>init</c>.</summary>
    public bool Init { get; init; }

    /// <summary>Gets <c>entrypoint</c>: run by the container's start script.</summary>
    public string? Entrypoint { get; init; }

    /// <summary>Gets <c>dependsOn</c>: Features (with options) installed first, resolved recursively.</summary>
    public JsonObject DependsOn { get; init; } = [];

    /// <summary>Gets <c>installsAfter</c>: ids without version that, when queued, install first.</summary>
    public IReadOnlyList<string> InstallsAfter { get; init; } = [];

    /// <summary>Gets <c>legacyIds</c>: earlier ids that <c>installsAfter</c> and the override order also match.</summary>
    public IReadOnlyList<string> LegacyIds { get; init; } = [];

    /// <summary>Gets the lifecycle hooks the Feature contributes (onCreate … postAttach), by name.</summary>
    public IReadOnlyDictionary<string, LifecycleCommand> LifecycleHooks { get; init; } = new Dictionary<string, LifecycleCommand>();

    /// <summary>Gets <c>customizations</c>.</summary>
    public JsonObject? Customizations { get; init; }

    /// <summary>Parses devcontainer-feature.json text (comments and trailing commas allowed).</summary>
    /// <param name="text">The file's text.</param>
    /// <exception cref="FormatException">The file is not a JSON object.</exception>
    public static FeatureDefinition Parse(string text)
    {
        var document = JsoncParser.Parse(text, 64);
        if (document.Root is not JsonObject json)
        {
            throw new FormatException("devcontainer-feature.json must contain a JSON object.");
        }

        var options = new List<FeatureOption>();
        if (json["options"] is JsonObject declared)
        {
            foreach (var (name, value) in declared)
            {
                var option = value as JsonObject;
                options.Add(new FeatureOption(
                    name,
                    ConfigBinder.String(option?["type"]),
                    option?["default"]?.DeepClone(),
                    Strings(option?["enum"]),
                    Strings(option?["proposals"]),
                    ConfigBinder.String(option?["description"])));
            }
        }

        var hooks = new Dictionary<string, LifecycleCommand>(StringComparer.Ordinal);
        foreach (var hook in Metadata.ImageMetadata.LifecycleHooks)
        {
            if (LifecycleCommand.FromJson(json[hook]) is { } command)
            {
                hooks[hook] = command;
            }
        }

        return new FeatureDefinition
        {
            Json = json,
            Id = ConfigBinder.String(json["id"]),
            Version = ConfigBinder.String(json["version"]),
            Name = ConfigBinder.String(json["name"]),
            Options = options,
            ContainerEnv = json["containerEnv"] is JsonObject env
                ? env.Where(p => ConfigBinder.String(p.Value) is not null).ToDictionary(p => p.Key, p => ConfigBinder.String(p.Value)!, StringComparer.Ordinal)
                : new Dictionary<string, string>(),
            Mounts = json["mounts"] is JsonArray mounts ? [.. mounts.Select(MountDefinition.FromJson).OfType<MountDefinition>()] : [],
            CapAdd = Strings(json["capAdd"]) ?? [],
            SecurityOpt = Strings(json["securityOpt"]) ?? [],
            Privileged = ConfigBinder.Boolean(json["privileged"]) ?? false,
            Init = ConfigBinder.Boolean(json["init"]) ?? false,
            Entrypoint = ConfigBinder.String(json["entrypoint"]),
            DependsOn = json["dependsOn"] as JsonObject ?? [],
            InstallsAfter = Strings(json["installsAfter"]) ?? [],
            LegacyIds = Strings(json["legacyIds"]) ?? [],
            LifecycleHooks = hooks,
            Customizations = json["customizations"] as JsonObject,
        };
    }

    /// <summary>Reads <c>devcontainer-feature.json</c> from a Feature's folder.</summary>
    /// <param name="featureFolder">The folder (local Feature or extracted tarball).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static Task<FeatureDefinition> LoadAsync(string featureFolder, CancellationToken cancellationToken = default)
    {
        // A Feature's folder is the repository's or a download: its definition may not lead out of it, and is small
        // (read in one call, like devcontainer.json).
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Parse(Encoding.UTF8.GetString(RepositoryFiles.Read(featureFolder, Path.Combine(featureFolder, "devcontainer-feature.json"), MaxDefinitionBytes))));
    }

    private static List<string>? Strings(JsonNode? node)
        => node is JsonArray array ? [.. array.Select(ConfigBinder.String).OfType<string>()] : null;
}
