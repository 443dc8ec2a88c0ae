using System.Text.Json.Nodes;
using Gitspaces.Core.Errors;
using Gitspaces.DevContainers;
using ReferenceMetadata = Gitspaces.DevContainers.Metadata.ImageMetadata;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// Turns a repository's devcontainer.json, read by <c>Gitspaces.DevContainers</c>, into what the Docker provider
/// applies. Problems become <see cref="ErrorCodes.DevcontainerInvalid"/> with positions, before anything is created.
/// </summary>
internal static class DevcontainerReader
{
    /// <summary>Finds and reads the configuration with <c>Gitspaces.DevContainers</c> (the reference's discovery, JSONC, variables and workspace defaults).</summary>
    /// <param name="repositoryRoot">The clone; its folder name is the repository's, so the default workspace folder is <c>/workspaces/&lt;repository&gt;</c>.</param>
    /// <param name="configPath">The configuration file relative to the root, or <see langword="null"/> to discover it.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The plan.</returns>
    public static async Task<DevcontainerPlan> ReadAsync(string repositoryRoot, string? configPath, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(repositoryRoot);
        if (configPath is not null && !Path.GetFullPath(Path.Combine(root, configPath)).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw GitspaceException.InvalidParams("$.devcontainerPath", $"Invalid params: devcontainerPath '{configPath}' points outside the repository.");
        }

        var result = await DevContainerReader.ReadAsync(root, configPath, null, cancellationToken);
        var file = result.ConfigFilePath ?? Path.Combine(root, ".devcontainer", "devcontainer.json");
        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        if (result.HasErrors || result.Configuration is null)
        {
            var diagnostics = result.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => new Diagnostic { File = relative, Line = d.Line, Column = d.Column, Severity = d.SeverityName, Message = d.Message, Code = d.Code, Path = d.Path })
                .ToList();
            var first = diagnostics.FirstOrDefault();
            throw new GitspaceException(ErrorCodes.DevcontainerInvalid, first is null ? $"{relative} cannot be read." : $"{relative}({first.Line},{first.Column}): {first.Message}", new ErrorData
            {
                Kind = nameof(ErrorCodes.DevcontainerInvalid),
                Diagnostics = diagnostics,
                Hint = "Fix devcontainer.json in the repository and create the gitspace again.",
            });
        }

        var config = result.Configuration;
        var workspaceFolder = result.Workspace?.WorkspaceFolder;
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

        var entry = ReferenceMetadata.FromConfig(config);

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
            Configuration = config,
        };
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
