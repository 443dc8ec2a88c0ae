using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Files;
using Gitspaces.DevContainers.Model;

namespace Gitspaces.DevContainers.Validation;

/// <summary>Checks that need meaning, not just shape: the configuration's kind, compose's service, and paths that leave the repository.</summary>
internal static class ConfigChecks
{
    /// <param name="raw">The file as parsed (for positions).</param>
    /// <param name="config">The typed configuration (substituted values).</param>
    /// <param name="workspaceFolder">The workspace folder (local Features must be in its .devcontainer/).</param>
    /// <param name="repositoryRoot">The git root, or the workspace folder outside git: no path may leave it.</param>
    /// <param name="bag">Where problems go.</param>
    public static void Check(JsonObject raw, DevContainerConfig config, string workspaceFolder, string repositoryRoot, DiagnosticBag bag)
    {
        if (raw["features"] is JsonObject features)
        {
            foreach (var (id, _) in features)
            {
                var reference = Features.FeatureReference.TryParse(id, config.ConfigFilePath, workspaceFolder, out var error);
                if (reference is null)
                {
                    bag.AddAtKey(features, id, DiagnosticSeverity.Error, DiagnosticCodes.InvalidFeature, error!);
                }
                else if (reference.IsDeprecatedShortId)
                {
                    bag.AddAtKey(features, id, DiagnosticSeverity.Warning, DiagnosticCodes.Deprecated, $"\"{id}\" is a deprecated short Feature id; it means ghcr.io/devcontainers/features/…:1.");
                }
            }
        }

        switch (config.Kind)
        {
            case DevContainerConfigKind.None:
                bag.Add(
                    DiagnosticSeverity.Error,
                    DiagnosticCodes.MissingKind,
                    "The configuration has none of \"image\", \"build.dockerfile\" (or \"dockerFile\") and \"dockerComposeFile\": it can only set up a container that already exists.",
                    0,
                    "$");
                break;
            case DevContainerConfigKind.DockerCompose when config.Service is null:
                bag.AddAt(raw, "dockerComposeFile", DiagnosticSeverity.Error, DiagnosticCodes.MissingProperty, "A Docker Compose configuration needs \"service\": the service the editor connects to.");
                break;
        }

        if (config.Build is { } build)
        {
            var legacy = raw.ContainsKey("dockerFile");
            var buildObject = raw["build"] as JsonObject;
            if (build.DockerfilePath is { } dockerfile)
            {
                var (parent, key) = legacy ? (raw, "dockerFile") : (buildObject!, "dockerfile");
                CheckPath(dockerfile, build.Dockerfile!, "Dockerfile", parent, key, repositoryRoot, bag, mustBeFile: true);
            }

            if (build.ContextPath is { } context && (legacy ? raw.ContainsKey("context") : buildObject?.ContainsKey("context") == true))
            {
                var (parent, key) = legacy ? (raw, "context") : (buildObject!, "context");
                CheckPath(context, build.Context, "build context", parent, key, repositoryRoot, bag, mustBeFile: false);
            }
        }

        if (config.Kind == DevContainerConfigKind.DockerCompose)
        {
            for (var i = 0; i < config.DockerComposeFilePaths.Count; i++)
            {
                var anchor = raw["dockerComposeFile"] is JsonArray list && i < list.Count && list[i] is { } item ? item : null;
                if (anchor is null)
                {
                    CheckPath(config.DockerComposeFilePaths[i], config.DockerComposeFiles[i], "compose file", raw, "dockerComposeFile", repositoryRoot, bag, mustBeFile: true);
                }
                else
                {
                    CheckPathAt(config.DockerComposeFilePaths[i], config.DockerComposeFiles[i], "compose file", anchor, repositoryRoot, bag);
                }
            }
        }
    }

    private static void CheckPath(string fullPath, string written, string what, JsonObject parent, string key, string repositoryRoot, DiagnosticBag bag, bool mustBeFile)
        => CheckPath(fullPath, written, what, repositoryRoot, mustBeFile, (severity, code, message) => bag.AddAt(parent, key, severity, code, message));

    private static void CheckPathAt(string fullPath, string written, string what, JsonNode anchor, string repositoryRoot, DiagnosticBag bag)
        => CheckPath(fullPath, written, what, repositoryRoot, mustBeFile: true, (severity, code, message) => bag.AddAt(anchor, severity, code, message));

    private static void CheckPath(string fullPath, string written, string what, string repositoryRoot, bool mustBeFile, Action<DiagnosticSeverity, string, string> report)
    {
        if (!WorkspaceLayout.IsInside(fullPath, repositoryRoot))
        {
            report(DiagnosticSeverity.Error, DiagnosticCodes.PathOutsideRepository, $"The {what} \"{written}\" resolves to {fullPath}, outside the repository ({repositoryRoot}); a gitspace only has the repository's files.");
        }
        else if ((File.Exists(fullPath) || Directory.Exists(fullPath)) && !RepositoryFiles.IsInside(fullPath, repositoryRoot))
        {
            report(DiagnosticSeverity.Error, DiagnosticCodes.PathOutsideRepository, $"The {what} \"{written}\" is a symbolic link to {RepositoryFiles.RealPath(fullPath)}, outside the repository ({repositoryRoot}); a gitspace only has the repository's files.");
        }
        else if (mustBeFile && !File.Exists(fullPath))
        {
            report(DiagnosticSeverity.Warning, DiagnosticCodes.FileNotFound, $"The {what} \"{written}\" ({fullPath}) does not exist; paths are relative to the configuration's folder.");
        }
    }
}
