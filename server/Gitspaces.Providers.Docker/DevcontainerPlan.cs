using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Model;

namespace Gitspaces.Providers.Docker;

/// <summary>What the Docker provider needs from a repository's devcontainer.json, taken from the typed <see cref="DevContainerConfig"/>.</summary>
internal sealed record DevcontainerPlan
{
    /// <summary>Gets the configuration file, absolute.</summary>
    public required string ConfigFile { get; init; }

    /// <summary>Gets the folder the configuration was read from, absolute: the clone, or on rebuild of a local folder the
    /// user's own folder. Paths the configuration names (local Features, build contexts) are relative to it.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>Gets the workspace folder on this machine the configuration was found for: <see cref="RepositoryRoot"/>, or the
    /// folder inside it the gitspace was made from. Local Features live in its <c>.devcontainer</c> folder.</summary>
    public required string WorkspaceRoot { get; init; }

    /// <summary>Gets the configuration file relative to the repository root, with forward slashes.</summary>
    public required string ConfigPath { get; init; }

    /// <summary>Gets the image to run, for the image kind.</summary>
    public string? Image { get; init; }

    /// <summary>Gets the Dockerfile, absolute, for the Dockerfile kind.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>Gets the build context folder, absolute.</summary>
    public string? BuildContext { get; init; }

    /// <summary>Gets the build arguments.</summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the build target stage.</summary>
    public string? BuildTarget { get; init; }

    /// <summary>Gets the extra <c>docker run</c> arguments (checked against the allow-list later).</summary>
    public IReadOnlyList<string> RunArgs { get; init; } = [];

    /// <summary>Gets the workspace folder in the container, when the configuration sets one.</summary>
    public string? WorkspaceFolder { get; init; }

    /// <summary>Gets the <c>appPort</c> values, published on 127.0.0.1 only.</summary>
    public IReadOnlyList<string> AppPorts { get; init; } = [];

    /// <summary>Gets the Feature ids the configuration asks for.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>Gets <c>initializeCommand</c>, which runs on this machine before the image is prepared.</summary>
    public LifecycleCommand? InitializeCommand { get; init; }

    /// <summary>Gets the Docker Compose part of a compose configuration; <see langword="null"/> for the image and Dockerfile kinds.</summary>
    public ComposePlan? Compose { get; init; }

    /// <summary>Gets what the reader recovered from or would point out (a missing comma, an unknown property), as <c>file(line,column): message</c>.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Gets the whole configuration as read (variables substituted).</summary>
    public required JsonObject Configuration { get; init; }

    /// <summary>Gets the properties devcontainer.json contributes to the image metadata, as written (no variable substituted), as the reference picks them for the label.</summary>
    public required JsonObject MetadataEntry { get; init; }

    /// <summary>
    /// Gets the substitution devcontainer.json was read with (<c>${localEnv:…}</c>, the workspace folders), which the spec
    /// applies to image and Feature metadata too; identity when the plan was made without one.
    /// </summary>
    public Func<JsonNode?, JsonNode?> SubstituteLocal { get; init; } = node => node?.DeepClone();
}
