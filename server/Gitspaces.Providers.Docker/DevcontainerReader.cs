using System.Diagnostics;
using System.Text.Json.Nodes;
using Gitspaces.Core.Errors;
using Gitspaces.DevContainers;
using Gitspaces.DevContainers.Metadata;
using Gitspaces.DevContainers.Model;
using Gitspaces.DevContainers.Variables;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// Turns a repository's devcontainer.json, read and typed by <c>Gitspaces.DevContainers</c>, into what the Docker
/// provider applies. Problems become <see cref="ErrorCodes.DevcontainerInvalid"/> with the reader's positions, before
/// anything is created.
/// </summary>
internal static class DevcontainerReader
{
    /// <summary>Finds and reads the configuration with <c>Gitspaces.DevContainers</c> (the reference's discovery, JSONC, variables and workspace defaults).</summary>
    /// <param name="repositoryRoot">The clone; its folder name is the repository's, so the default workspace folder is <c>/workspaces/&lt;repository&gt;</c>.</param>
    /// <param name="subfolder">The folder inside the repository the gitspace is made from (forward slashes), or <see langword="null"/> for the root:
    /// its configuration is discovered there and the workspace folder is its place under the repository's, as the reference does for a folder inside a git repository.</param>
    /// <param name="configPath">The configuration file relative to the root, or <see langword="null"/> to discover it.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The plan.</returns>
    public static async Task<DevcontainerPlan> ReadAsync(string repositoryRoot, string? subfolder, string? configPath, CancellationToken cancellationToken)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot));
        if (configPath is not null && !Path.GetFullPath(Path.Combine(root, configPath)).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw GitspaceException.InvalidParams("$.devcontainerPath", $"Invalid params: devcontainerPath '{configPath}' points outside the repository.");
        }

        var workspace = subfolder is null ? root : Path.GetFullPath(Path.Combine(root, subfolder));
        if (!workspace.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && workspace != root)
        {
            throw GitspaceException.InvalidParams("$.repository.url", $"Invalid params: the folder '{subfolder}' is outside the repository.");
        }

        var result = await DevContainerReader.ReadAsync(workspace, configPath is null ? null : Path.GetFullPath(Path.Combine(root, configPath)), null, cancellationToken);
        var file = result.ConfigFilePath ?? Path.Combine(workspace, ".devcontainer", "devcontainer.json");
        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        if (result.HasErrors || result.Configuration is null || result.Config is null)
        {
            throw Invalid(relative, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        // The reference reads a configuration whose Dockerfile is missing (the reader warns); nothing can be built from it.
        var missingDockerfile = result.Diagnostics.Where(IsMissingDockerfile).ToList();
        if (missingDockerfile.Count > 0)
        {
            throw Invalid(relative, missingDockerfile);
        }

        var config = result.Config;
        var build = config.Kind == DevContainerConfigKind.Dockerfile ? config.Build : null;
        return new DevcontainerPlan
        {
            ConfigFile = file,
            RepositoryRoot = root,
            WorkspaceRoot = workspace,
            ConfigPath = relative,
            Image = config.Kind switch
            {
                DevContainerConfigKind.Image => config.Image,
                DevContainerConfigKind.Dockerfile or DevContainerConfigKind.DockerCompose => null,
                _ => throw new UnreachableException($"The reader reports a configuration of kind {config.Kind} without a Compose file as an error."),
            },
            Dockerfile = build?.DockerfilePath,
            BuildContext = build?.ContextPath,
            BuildArgs = build?.Args ?? new Dictionary<string, string>(),
            BuildTarget = build?.Target,
            RunArgs = config.RunArgs,
            WorkspaceFolder = result.Workspace?.WorkspaceFolder,
            AppPorts = [.. config.AppPorts.Select(p => p.ToString())],
            Features = [.. config.Features.Select(f => f.Key)],
            InitializeCommand = config.InitializeCommand,
            Compose = config.Kind == DevContainerConfigKind.DockerCompose
                ? new ComposePlan(config.DockerComposeFilePaths, config.Service!, config.RunServices, config.EffectiveShutdownAction)
                : null,
            MetadataEntry = ImageMetadata.FromConfig(result.RawConfiguration ?? result.Configuration),
            Warnings = [.. result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => $"{relative}({d.Line},{d.Column}): {d.Message}")],
            Configuration = result.Configuration,
            SubstituteLocal = Substitution(relative, result.Substitution),
        };
    }

    private static Func<JsonNode?, JsonNode?> Substitution(string relative, LocalSubstitutionContext? context) => node =>
    {
        if (context is null)
        {
            return node?.DeepClone();
        }

        try
        {
            return VariableSubstitution.SubstituteLocal(node, context);
        }
        catch (VariableException ex)
        {
            // Only image metadata can get here: the configuration's own variables were substituted when it was read.
            throw new GitspaceException(ErrorCodes.DevcontainerInvalid, $"{relative}: the image's devcontainer.metadata label cannot be substituted: {ex.Message}", new ErrorData
            {
                Kind = nameof(ErrorCodes.DevcontainerInvalid),
                Hint = "Use an image whose metadata label names the variable, or set the property in devcontainer.json.",
            });
        }
    };

    // Where ConfigChecks reports the Dockerfile (build.dockerfile, or the legacy top-level dockerFile) and the compose files.
    private static bool IsMissingDockerfile(DevContainerDiagnostic diagnostic) =>
        diagnostic.Code == DiagnosticCodes.FileNotFound
        && (diagnostic.Path is "$.build.dockerfile" or "$.dockerFile" || diagnostic.Path?.StartsWith("$.dockerComposeFile", StringComparison.Ordinal) == true);

    private static GitspaceException Invalid(string relative, IEnumerable<DevContainerDiagnostic> refused)
    {
        // Refused diagnostics are errors, whatever the reader's severity (a missing Dockerfile is only a warning there).
        var diagnostics = refused
            .Select(d => new Diagnostic { File = relative, Line = d.Line, Column = d.Column, Severity = "error", Message = d.Message, Code = d.Code, Path = d.Path })
            .ToList();
        var first = diagnostics.FirstOrDefault();
        return new GitspaceException(ErrorCodes.DevcontainerInvalid, first is null ? $"{relative} cannot be read." : $"{relative}({first.Line},{first.Column}): {first.Message}", new ErrorData
        {
            Kind = nameof(ErrorCodes.DevcontainerInvalid),
            Diagnostics = diagnostics,
            Hint = "Fix devcontainer.json in the repository and create the gitspace again.",
        });
    }
}
