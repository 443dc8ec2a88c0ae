using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gitspaces.Core.Errors;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// Reads the parts of devcontainer.json the Docker provider applies, from a clone. This is the narrow adapter the
/// provider uses until <c>Gitspaces.DevContainers</c> provides the full reader; problems become
/// <see cref="ErrorCodes.DevcontainerInvalid"/> with positions, before anything is created.
/// </summary>
internal static partial class DevcontainerReader
{
    private static readonly string[] MetadataProperties =
    [
        "onCreateCommand", "updateContentCommand", "postCreateCommand", "postStartCommand", "postAttachCommand", "waitFor",
        "customizations", "mounts", "containerEnv", "containerUser", "init", "privileged", "capAdd", "securityOpt",
        "remoteUser", "userEnvProbe", "remoteEnv", "overrideCommand", "portsAttributes", "otherPortsAttributes",
        "forwardPorts", "shutdownAction", "updateRemoteUserUID", "hostRequirements",
    ];

    /// <summary>Finds and reads the configuration.</summary>
    /// <param name="repositoryRoot">The clone.</param>
    /// <param name="configPath">The configuration file relative to the root, or <see langword="null"/> to discover it.</param>
    /// <param name="containerWorkspaceFolder">The default workspace folder in the container, for variables.</param>
    /// <param name="environment">Reads host environment variables for <c>${localEnv:…}</c>.</param>
    /// <returns>The plan.</returns>
    public static DevcontainerPlan Read(string repositoryRoot, string? configPath, string containerWorkspaceFolder, Func<string, string?> environment)
    {
        var relative = configPath ?? Discover(repositoryRoot);
        var file = Path.GetFullPath(Path.Combine(repositoryRoot, relative));
        if (!file.StartsWith(Path.GetFullPath(repositoryRoot), StringComparison.Ordinal))
        {
            throw GitspaceException.InvalidParams("$.devcontainerPath", $"Invalid params: devcontainerPath '{configPath}' points outside the repository.");
        }

        if (!File.Exists(file))
        {
            throw Invalid(relative, 1, 1, "missing-config", configPath is null
                ? "The repository has no .devcontainer/devcontainer.json or .devcontainer.json."
                : $"The repository has no file '{relative}'.");
        }

        JsonObject config;
        try
        {
            var node = JsonNode.Parse(File.ReadAllBytes(file), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            config = node as JsonObject ?? throw Invalid(relative, 1, 1, "not-an-object", "devcontainer.json must hold a JSON object.");
        }
        catch (JsonException ex)
        {
            throw Invalid(relative, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, "syntax", $"devcontainer.json is not valid JSON: {ex.Message}");
        }

        var localFolder = Path.GetFullPath(repositoryRoot).TrimEnd(Path.DirectorySeparatorChar);
        var workspaceFolder = Text(config, "workspaceFolder", relative) is { } wf
            ? Substitute(wf, localFolder, containerWorkspaceFolder, environment)
            : null;
        var containerFolder = workspaceFolder ?? containerWorkspaceFolder;
        config = (JsonObject)SubstituteAll(config, localFolder, containerFolder, environment);

        if (config["dockerComposeFile"] is not null)
        {
            throw new GitspaceException(ErrorCodes.NotSupported, $"{relative} uses Docker Compose (dockerComposeFile); the Docker provider runs image and Dockerfile configurations only for now. Use \"image\" or \"build.dockerfile\" for the development container.", new ErrorData
            {
                Kind = nameof(ErrorCodes.NotSupported),
                Hint = "Point devcontainerPath at an image- or Dockerfile-based configuration.",
            });
        }

        var configFolder = Path.GetDirectoryName(file)!;
        string? dockerfile = null, context = null, target = null;
        var buildArgs = new Dictionary<string, string>(StringComparer.Ordinal);
        var build = config["build"] as JsonObject;
        if (build?["dockerfile"] is not null || build?["dockerFile"] is not null || config["dockerFile"] is not null)
        {
            var name = Text(build, "dockerfile", relative) ?? Text(build, "dockerFile", relative) ?? Text(config, "dockerFile", relative)!;
            dockerfile = Path.GetFullPath(Path.Combine(configFolder, name));
            context = Path.GetFullPath(Path.Combine(configFolder, Text(build, "context", relative) ?? Text(config, "context", relative) ?? "."));
            target = Text(build, "target", relative);
            if (build?["args"] is JsonObject args)
            {
                foreach (var (key, value) in args)
                {
                    buildArgs[key] = value?.ToString() ?? string.Empty;
                }
            }

            if (!File.Exists(dockerfile))
            {
                throw Invalid(relative, 1, 1, "missing-dockerfile", $"The Dockerfile '{name}' named in build.dockerfile does not exist (looked for {dockerfile}).", "$.build.dockerfile");
            }
        }

        var image = Text(config, "image", relative);
        if (image is null && dockerfile is null)
        {
            throw Invalid(relative, 1, 1, "missing-image", "devcontainer.json needs \"image\", \"build.dockerfile\" or \"dockerComposeFile\".", "$");
        }

        var entry = new JsonObject();
        foreach (var property in MetadataProperties)
        {
            if (config[property] is { } value)
            {
                entry[property] = value.DeepClone();
            }
        }

        foreach (var hook in LifecycleHooks.All)
        {
            CheckCommand(config[hook], relative, hook);
        }

        return new DevcontainerPlan
        {
            ConfigFile = file,
            ConfigPath = relative.Replace('\\', '/'),
            Image = dockerfile is null ? image : null,
            Dockerfile = dockerfile,
            BuildContext = context,
            BuildArgs = buildArgs,
            BuildTarget = target,
            RunArgs = Strings(config, "runArgs", relative),
            WorkspaceFolder = workspaceFolder,
            AppPorts = config["appPort"] switch
            {
                JsonArray ports => [.. ports.Select(p => p!.ToString())],
                JsonValue port => [port.ToString()],
                _ => [],
            },
            Features = config["features"] is JsonObject features ? [.. features.Select(f => f.Key)] : [],
            MetadataEntry = entry,
        };
    }

    /// <summary>Finds the configuration as the reference does: <c>.devcontainer/devcontainer.json</c>, then <c>.devcontainer.json</c>.</summary>
    /// <param name="repositoryRoot">The clone.</param>
    /// <returns>The path relative to the root.</returns>
    public static string Discover(string repositoryRoot)
    {
        var primary = Path.Combine(".devcontainer", "devcontainer.json");
        return File.Exists(Path.Combine(repositoryRoot, primary)) || !File.Exists(Path.Combine(repositoryRoot, ".devcontainer.json"))
            ? primary
            : ".devcontainer.json";
    }

    /// <summary>Replaces the local variables the reference resolves at read time.</summary>
    /// <param name="value">The text.</param>
    /// <param name="localFolder">The workspace folder on this machine.</param>
    /// <param name="containerFolder">The workspace folder in the container.</param>
    /// <param name="environment">Reads host environment variables.</param>
    /// <returns>The text with the variables replaced; unknown ones are left as written.</returns>
    public static string Substitute(string value, string localFolder, string containerFolder, Func<string, string?> environment) =>
        VariablePattern().Replace(value, match =>
        {
            var body = match.Groups[1].Value;
            var parts = body.Split(':');
            return parts[0] switch
            {
                "localWorkspaceFolder" => localFolder,
                "localWorkspaceFolderBasename" => Path.GetFileName(localFolder),
                "containerWorkspaceFolder" => containerFolder,
                "containerWorkspaceFolderBasename" => containerFolder.TrimEnd('/').Split('/')[^1],
                "localEnv" or "env" when parts.Length >= 2 => environment(parts[1]) ?? (parts.Length >= 3 ? parts[2] : string.Empty),
                _ => match.Value,
            };
        });

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex VariablePattern();

    private static JsonNode SubstituteAll(JsonNode node, string localFolder, string containerFolder, Func<string, string?> environment)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is { } child)
                    {
                        obj[key] = SubstituteAll(child.DeepClone(), localFolder, containerFolder, environment);
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } child)
                    {
                        array[i] = SubstituteAll(child.DeepClone(), localFolder, containerFolder, environment);
                    }
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(Substitute(text, localFolder, containerFolder, environment));
            default:
                return node;
        }
    }

    private static void CheckCommand(JsonNode? command, string file, string hook)
    {
        var fine = command switch
        {
            null => true,
            JsonValue v => v.TryGetValue<string>(out _),
            JsonArray a => a.All(x => x is JsonValue xv && xv.TryGetValue<string>(out _)),
            JsonObject o => o.All(p => p.Value is JsonValue pv ? pv.TryGetValue<string>(out _) : p.Value is JsonArray pa && pa.All(x => x is JsonValue xv && xv.TryGetValue<string>(out _))),
            _ => false,
        };
        if (!fine)
        {
            throw Invalid(file, 1, 1, "invalid-type", $"{hook} must be a string, an array of strings, or an object whose values are strings or arrays of strings.", "$." + hook);
        }
    }

    private static string? Text(JsonObject? config, string property, string file) => config?[property] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => throw Invalid(file, 1, 1, "invalid-type", $"\"{property}\" must be a string.", "$." + property),
    };

    private static List<string> Strings(JsonObject config, string property, string file) => config[property] switch
    {
        null => [],
        JsonArray array when array.All(x => x is JsonValue v && v.TryGetValue<string>(out _)) => [.. array.Select(x => x!.GetValue<string>())],
        _ => throw Invalid(file, 1, 1, "invalid-type", $"\"{property}\" must be an array of strings.", "$." + property),
    };

    private static GitspaceException Invalid(string file, int line, int column, string code, string message, string? path = null) =>
        new(ErrorCodes.DevcontainerInvalid, $"{file}: {message}", new ErrorData
        {
            Kind = nameof(ErrorCodes.DevcontainerInvalid),
            Diagnostics = [new Diagnostic { File = file, Line = line, Column = column, Severity = "error", Message = message, Code = code, Path = path }],
            Hint = "Fix devcontainer.json in the repository and create the gitspace again.",
        });
}
