using System.Text.Json;
using Gitspaces.Core.Errors;
using Gitspaces.Core.State;
using Gitspaces.DevContainers;
using Gitspaces.Git;
using Gitspaces.Protocol;

namespace Gitspaces.Server.Composition;

/// <summary>Reads a repository's devcontainer.json for <c>devcontainer/read</c> and <c>gitspaces devcontainer read</c>.</summary>
internal static class DevcontainerReading
{
    public static async Task<DevcontainerReadResult> ReadAsync(DevcontainerReadParams request, StatePaths paths, CancellationToken cancellationToken) =>
        ToProtocol(await ReadRawAsync(request, paths, cancellationToken));

    /// <summary>Reads with the library's own result, for the CLI's reference-compatible JSON.</summary>
    /// <param name="request">What to read.</param>
    /// <param name="paths">The state directory, where a URL is cloned to.</param>
    /// <param name="cancellationToken">Cancels the clone and the read.</param>
    /// <returns>The library's result.</returns>
    public static async Task<DevContainerReadResult> ReadRawAsync(DevcontainerReadParams request, StatePaths paths, CancellationToken cancellationToken)
    {
        var repository = request.Repository;
        if (repository.Path is { Length: > 0 } path)
        {
            if (!Directory.Exists(path))
            {
                throw GitspaceException.InvalidParams("$.repository.path", $"Invalid params: repository.path '{path}' is not a folder.");
            }

            return await DevContainerReader.ReadAsync(Path.GetFullPath(path), request.ConfigPath, null, cancellationToken);
        }

        if (repository.Url is not { Length: > 0 } url)
        {
            throw GitspaceException.InvalidParams("$.repository", "Invalid params: repository needs a path (a local folder) or a url to clone.");
        }

        if (Directory.Exists(url))
        {
            return await DevContainerReader.ReadAsync(Path.GetFullPath(url), request.ConfigPath, null, cancellationToken);
        }

        // Only the configuration is read, so one commit is enough. A failed or cancelled clone removes its own folder.
        var clone = Path.Combine(paths.DataDirectory, "cache", "read", Guid.NewGuid().ToString("N"));
        await RepositoryCloner.CloneAsync(CloneRequest.From(repository, depth: 1), clone, observer: null, cancellationToken);
        try
        {
            return await DevContainerReader.ReadAsync(clone, request.ConfigPath, null, cancellationToken);
        }
        finally
        {
            RepositoryFolder.Delete(clone);
        }
    }

    private static DevcontainerReadResult ToProtocol(DevContainerReadResult result) => new()
    {
        Configuration = result.Configuration is { } configuration ? JsonSerializer.SerializeToElement(configuration, DevcontainerJsonContext.Default.JsonObject) : null,
        Workspace = result.Workspace is { WorkspaceFolder: { } folder } workspace ? new WorkspaceInfo { WorkspaceFolder = folder, WorkspaceMount = workspace.WorkspaceMount } : null,
        ConfigFilePath = result.ConfigFilePath,
        Diagnostics = [.. result.Diagnostics
            .OrderBy(d => d.Severity == DevContainers.DiagnosticSeverity.Error ? 0 : 1)
            .Select(d => new Diagnostic { File = d.File, Line = d.Line, Column = d.Column, Severity = d.SeverityName, Message = d.Message, Code = d.Code, Path = d.Path })],
        Candidates = result.Candidates,
    };
}
