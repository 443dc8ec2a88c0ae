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
            DockerComposeFilePaths = ResolvePaths(configFolder, composeFiles),
            Service = String(config["service"]),
            RunServices = config["runServices"] is JsonArray services ? Strings(services) : null,
            WorkspaceFolder = String(config["workspaceFolder"]),
            WorkspaceMount = String(config["workspaceMount"]),
            Mounts = Mounts(config["mounts"] as JsonArray),
            ContainerEnv = StringMap(config["containerEnv"]),
            RemoteEnv = RemoteEnvironment(config["remoteEnv"]),
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
            PortsAttributes = PortsAttributes(config["portsAttributes"]),
            OtherPortsAttributes = PortAttributes.FromJson(config["otherPortsAttributes"]),
            Features = Properties(config["features"] as JsonObject),
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

    // By the value's kind, not TryGetValue<string>/<bool>: that generic method, asked of a number or boolean node, is
    // code ReadyToRun cannot precompile, and asking every value costs each process that reads a few milliseconds.
    internal static string? String(JsonNode? node) => node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;

    internal static bool? Boolean(JsonNode? node) => node is JsonValue value ? value.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.True => true,
        System.Text.Json.JsonValueKind.False => false,
        _ => null,
    } : null;

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

    // The helpers below are loops, not LINQ: LINQ over key/value pairs is generic code that ReadyToRun cannot
    // precompile, and System.Linq is one more assembly to load, in every process that reads a configuration.
    private static Dictionary<string, string?> RemoteEnvironment(JsonNode? node)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                // null unsets a variable; other non-strings are ignored.
                if (value is null || String(value) is not null)
                {
                    result[key] = String(value);
                }
            }
        }

        return result;
    }

    private static Dictionary<string, PortAttributes> PortsAttributes(JsonNode? node)
    {
        var result = new Dictionary<string, PortAttributes>(StringComparer.Ordinal);
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (PortAttributes.FromJson(value) is { } attributes)
                {
                    result[key] = attributes;
                }
            }
        }

        return result;
    }

    private static KeyValuePair<string, JsonNode?>[] Properties(JsonObject? obj)
    {
        var result = new KeyValuePair<string, JsonNode?>[obj?.Count ?? 0];
        if (obj is not null)
        {
            var i = 0;
            foreach (var property in obj)
            {
                result[i++] = property;
            }
        }

        return result;
    }

    private static List<string> ResolvePaths(string configFolder, List<string> relative)
    {
        var result = new List<string>(relative.Count);
        foreach (var path in relative)
        {
            result.Add(ResolvePath(configFolder, path));
        }

        return result;
    }

    private static List<MountDefinition> Mounts(JsonArray? array)
    {
        var result = new List<MountDefinition>();
        for (var i = 0; i < (array?.Count ?? 0); i++)
        {
            if (MountDefinition.FromJson(array![i]) is { } mount)
            {
                result.Add(mount);
            }
        }

        return result;
    }

    private static List<string> Strings(JsonArray? array)
    {
        var result = new List<string>();
        for (var i = 0; i < (array?.Count ?? 0); i++)
        {
            if (String(array![i]) is { } text)
            {
                result.Add(text);
            }
        }

        return result;
    }

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
        var result = new List<PortSpec>();
        foreach (var item in ValueOrList.Items(node))
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
