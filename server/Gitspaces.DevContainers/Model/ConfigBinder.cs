using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Jsonc;

namespace Gitspaces.DevContainers.Model;

/// <summary>Builds <see cref="DevContainerConfig"/> from the substituted JSON; values of the wrong type read as absent.</summary>
internal static class ConfigBinder
{
    public static DevContainerConfig Bind(JsonObject config, string configFilePath)
    {
        var configFolder = Path.GetDirectoryName(configFilePath) ?? configFilePath;
        var composeFiles = config["dockerComposeFile"] is JsonArray composeList ? Strings(composeList) : String(config["dockerComposeFile"]) is { } one ? [one] : [];
        return new DevContainerConfig
        {
            Kind = KindOf(config),
            ConfigFilePath = configFilePath,
            Name = String(config["name"]),
            Image = String(config["image"]),
            Build = BindBuild(config, configFolder),
            DockerComposeFiles = composeFiles,
            DockerComposeFilePaths = [.. composeFiles.Select(f => ResolvePath(configFolder, f))],
            Service = String(config["service"]),
            RunServices = config["runServices"] is JsonArray services ? Strings(services) : null,
            WorkspaceFolder = String(config["workspaceFolder"]),
            WorkspaceMount = String(config["workspaceMount"]),
            Mounts = config["mounts"] is JsonArray mounts ? [.. mounts.Select(MountDefinition.FromJson).OfType<MountDefinition>()] : [],
            ContainerEnv = StringMap(config["containerEnv"]),
            RemoteEnv = config["remoteEnv"] is JsonObject remoteEnv
                ? remoteEnv.Where(p => p.Value is null || String(p.Value) is not null).ToDictionary(p => p.Key, p => String(p.Value), StringComparer.Ordinal)
                : new Dictionary<string, string?>(),
            ContainerUser = String(config["containerUser"]),
            RemoteUser = String(config["remoteUser"]),
            UpdateRemoteUserUid = Boolean(config["updateRemoteUserUID"]),
            UserEnvProbe = String(config["userEnvProbe"]),
            OverrideCommand = Boolean(config["overrideCommand"]),
            ShutdownAction = String(config["shutdownAction"]),
            Init = Boolean(config["init"]),
            Privileged = Boolean(config["privileged"]),
            CapAdd = Strings(config["capAdd"] as JsonArray),
            SecurityOpt = Strings(config["securityOpt"] as JsonArray),
            RunArgs = Strings(config["runArgs"] as JsonArray),
            AppPorts = Ports(config["appPort"]),
            ForwardPorts = config["forwardPorts"] is JsonArray forward ? Ports(forward) : [],
            PortsAttributes = config["portsAttributes"] is JsonObject attributes
                ? attributes.Select(p => (p.Key, Value: PortAttributes.FromJson(p.Value))).Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal)
                : new Dictionary<string, PortAttributes>(),
            OtherPortsAttributes = PortAttributes.FromJson(config["otherPortsAttributes"]),
            Features = config["features"] is JsonObject features ? [.. features] : [],
            OverrideFeatureInstallOrder = config["overrideFeatureInstallOrder"] is JsonArray order ? Strings(order) : null,
            HostRequirements = config["hostRequirements"] is JsonObject host
                ? new HostRequirements
                {
                    Cpus = Integer(host["cpus"]),
                    Memory = String(host["memory"]),
                    Storage = String(host["storage"]),
                    Gpu = host["gpu"],
                }
                : null,
            Customizations = config["customizations"] as JsonObject,
            Secrets = config["secrets"] as JsonObject,
            InitializeCommand = LifecycleCommand.FromJson(config["initializeCommand"]),
            OnCreateCommand = LifecycleCommand.FromJson(config["onCreateCommand"]),
            UpdateContentCommand = LifecycleCommand.FromJson(config["updateContentCommand"]),
            PostCreateCommand = LifecycleCommand.FromJson(config["postCreateCommand"]),
            PostStartCommand = LifecycleCommand.FromJson(config["postStartCommand"]),
            PostAttachCommand = LifecycleCommand.FromJson(config["postAttachCommand"]),
            WaitFor = String(config["waitFor"]),
        };
    }

    /// <summary>The reference's kind detection: <c>'dockerFile' in config || 'dockerfile' in config.build</c>, then <c>'image' in</c>, then <c>'dockerComposeFile' in</c>.</summary>
    public static DevContainerConfigKind KindOf(JsonObject config)
    {
        if (config.ContainsKey("dockerFile") || (config["build"] is JsonObject build && build.ContainsKey("dockerfile")))
        {
            return DevContainerConfigKind.Dockerfile;
        }

        if (config.ContainsKey("image"))
        {
            return DevContainerConfigKind.Image;
        }

        return config.ContainsKey("dockerComposeFile") ? DevContainerConfigKind.DockerCompose : DevContainerConfigKind.None;
    }

    /// <summary>Resolves a path written in the configuration against the configuration's folder, as the reference does.</summary>
    public static string ResolvePath(string configFolder, string relative)
        => Path.GetFullPath(Path.Combine(configFolder, OperatingSystem.IsWindows() ? relative : relative.Replace('\\', '/')));

    internal static string? String(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    internal static bool? Boolean(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    internal static long? Integer(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != System.Text.Json.JsonValueKind.Number)
        {
            return null;
        }

        var number = JsTruthiness.ToDouble(value);
        return Math.Floor(number) == number ? (long)number : null;
    }

    private static BuildConfig? BindBuild(JsonObject config, string configFolder)
    {
        var build = config["build"] as JsonObject;
        var legacyDockerfile = config.ContainsKey("dockerFile");
        if (build is null && !legacyDockerfile)
        {
            return null;
        }

        var dockerfile = legacyDockerfile ? String(config["dockerFile"]) : String(build?["dockerfile"]);
        var context = (legacyDockerfile ? String(config["context"]) : String(build?["context"])) ?? ".";
        var cacheFrom = build?["cacheFrom"] switch
        {
            JsonArray list => Strings(list),
            var single when String(single) is { } one => [one],
            _ => [],
        };
        return new BuildConfig
        {
            Dockerfile = dockerfile,
            DockerfilePath = dockerfile is null ? null : ResolvePath(configFolder, dockerfile),
            Context = context,
            ContextPath = ResolvePath(configFolder, context),
            Args = StringMap(build?["args"]),
            Target = String(build?["target"]),
            CacheFrom = cacheFrom,
            Options = Strings(build?["options"] as JsonArray),
        };
    }

    private static IReadOnlyList<string> Strings(JsonArray? array)
        => array is null ? [] : [.. array.Select(String).OfType<string>()];

    private static Dictionary<string, string> StringMap(JsonNode? node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (String(value) is { } text)
                {
                    result[key] = text;
                }
            }
        }

        return result;
    }

    private static List<PortSpec> Ports(JsonNode? node)
    {
        IEnumerable<JsonNode?> items = node is JsonArray array ? array : node is null ? [] : [node];
        var result = new List<PortSpec>();
        foreach (var item in items)
        {
            if (String(item) is { } text)
            {
                result.Add(new PortSpec(null, text));
            }
            else if (Integer(item) is { } number)
            {
                result.Add(new PortSpec(number, null));
            }
        }

        return result;
    }
}
