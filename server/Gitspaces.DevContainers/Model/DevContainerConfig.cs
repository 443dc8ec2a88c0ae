using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Model;

/// <summary>devcontainer.json, typed, after legacy migration and config-read substitution. Values of the wrong type read as absent.</summary>
public sealed class DevContainerConfig
{
    /// <summary>Gets how the container is made.</summary>
    public DevContainerConfigKind Kind { get; init; }

    /// <summary>Gets the configuration file, absolute.</summary>
    public required string ConfigFilePath { get; init; }

    /// <summary>Gets the folder relative paths resolve against: the configuration file's folder.</summary>
    public string ConfigFolder => Path.GetDirectoryName(this.ConfigFilePath) ?? this.ConfigFilePath;

    /// <summary>Gets <c>name</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Gets <c>image</c>.</summary>
    public string? Image { get; init; }

    /// <summary>Gets the Dockerfile build, for <see cref="DevContainerConfigKind.Dockerfile"/> (build options are kept for the other kinds too).</summary>
    public BuildConfig? Build { get; init; }

    /// <summary>Gets <c>dockerComposeFile</c> as written (a string is one entry).</summary>
    public IReadOnlyList<string> DockerComposeFiles { get; init; } = [];

    /// <summary>Gets the compose files, absolute (relative to <see cref="ConfigFolder"/>).</summary>
    public IReadOnlyList<string> DockerComposeFilePaths { get; init; } = [];

    /// <summary>Gets <c>service</c>.</summary>
    public string? Service { get; init; }

    /// <summary>Gets <c>runServices</c> as written (null: all services).</summary>
    public IReadOnlyList<string>? RunServices { get; init; }

    /// <summary>Gets <c>workspaceFolder</c> as written (see <see cref="DevContainerReadResult.Workspace"/> for the effective one).</summary>
    public string? WorkspaceFolder { get; init; }

    /// <summary>Gets <c>workspaceMount</c> as written.</summary>
    public string? WorkspaceMount { get; init; }

    /// <summary>Gets <c>mounts</c>.</summary>
    public IReadOnlyList<MountDefinition> Mounts { get; init; } = [];

    /// <summary>Gets <c>containerEnv</c>.</summary>
    public IReadOnlyDictionary<string, string> ContainerEnv { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets <c>remoteEnv</c> (a null value unsets the variable in VS Code).</summary>
    public IReadOnlyDictionary<string, string?> RemoteEnv { get; init; } = new Dictionary<string, string?>();

    /// <summary>Gets <c>containerUser</c>.</summary>
    public string? ContainerUser { get; init; }

    /// <summary>Gets <c>remoteUser</c>.</summary>
    public string? RemoteUser { get; init; }

    /// <summary>Gets <c>updateRemoteUserUID</c> as written (the reference's default is true).</summary>
    public bool? UpdateRemoteUserUid { get; init; }

    /// <summary>Gets <c>userEnvProbe</c> as written (the reference's default is <c>loginInteractiveShell</c>).</summary>
    public string? UserEnvProbe { get; init; }

    /// <summary>Gets <c>overrideCommand</c> as written.</summary>
    public bool? OverrideCommand { get; init; }

    /// <summary>Gets <c>overrideCommand</c> with its default: true for image and Dockerfile, false for Docker Compose.</summary>
    public bool EffectiveOverrideCommand => this.OverrideCommand ?? this.Kind != DevContainerConfigKind.DockerCompose;

    /// <summary>Gets <c>shutdownAction</c> as written.</summary>
    public string? ShutdownAction { get; init; }

    /// <summary>Gets <c>shutdownAction</c> with its default: <c>stopCompose</c> for Docker Compose, else <c>stopContainer</c>.</summary>
    public string EffectiveShutdownAction => this.ShutdownAction ?? (this.Kind == DevContainerConfigKind.DockerCompose ? "stopCompose" : "stopContainer");

    /// <summary>Gets <c>init</c>.</summary>
    public bool? Init { get; init; }

    /// <summary>Gets <c>privileged</c>.</summary>
    public bool? Privileged { get; init; }

    /// <summary>Gets <c>capAdd</c>.</summary>
    public IReadOnlyList<string> CapAdd { get; init; } = [];

    /// <summary>Gets <c>securityOpt</c>.</summary>
    public IReadOnlyList<string> SecurityOpt { get; init; } = [];

    /// <summary>Gets <c>runArgs</c>.</summary>
    public IReadOnlyList<string> RunArgs { get; init; } = [];

    /// <summary>Gets <c>appPort</c> (a single value is one entry).</summary>
    public IReadOnlyList<PortSpec> AppPorts { get; init; } = [];

    /// <summary>Gets <c>forwardPorts</c>.</summary>
    public IReadOnlyList<PortSpec> ForwardPorts { get; init; } = [];

    /// <summary>Gets <c>portsAttributes</c>, keyed by port, range or regex.</summary>
    public IReadOnlyDictionary<string, PortAttributes> PortsAttributes { get; init; } = new Dictionary<string, PortAttributes>();

    /// <summary>Gets <c>otherPortsAttributes</c>.</summary>
    public PortAttributes? OtherPortsAttributes { get; init; }

    /// <summary>Gets <c>features</c> in file order: the user's id and its value (an options object, a version string or a boolean).</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode?>> Features { get; init; } = [];

    /// <summary>Gets <c>overrideFeatureInstallOrder</c>.</summary>
    public IReadOnlyList<string>? OverrideFeatureInstallOrder { get; init; }

    /// <summary>Gets <c>hostRequirements</c>.</summary>
    public HostRequirements? HostRequirements { get; init; }

    /// <summary>Gets <c>customizations</c> (per tool: vscode, jetbrains, codespaces, …), kept as JSON.</summary>
    public JsonObject? Customizations { get; init; }

    /// <summary>Gets <c>secrets</c> (documentation of recommended secrets), kept as JSON.</summary>
    public JsonObject? Secrets { get; init; }

    /// <summary>Gets <c>initializeCommand</c> (runs on the host).</summary>
    public LifecycleCommand? InitializeCommand { get; init; }

    /// <summary>Gets <c>onCreateCommand</c>.</summary>
    public LifecycleCommand? OnCreateCommand { get; init; }

    /// <summary>Gets <c>updateContentCommand</c>.</summary>
    public LifecycleCommand? UpdateContentCommand { get; init; }

    /// <summary>Gets <c>postCreateCommand</c>.</summary>
    public LifecycleCommand? PostCreateCommand { get; init; }

    /// <summary>Gets <c>postStartCommand</c>.</summary>
    public LifecycleCommand? PostStartCommand { get; init; }

    /// <summary>Gets <c>postAttachCommand</c>.</summary>
    public LifecycleCommand? PostAttachCommand { get; init; }

    /// <summary>Gets <c>waitFor</c> as written (the default is <c>updateContentCommand</c>).</summary>
    public string? WaitFor { get; init; }

    /// <summary>Gets <c>waitFor</c> with its default.</summary>
    public string EffectiveWaitFor => this.WaitFor ?? "updateContentCommand";
}
