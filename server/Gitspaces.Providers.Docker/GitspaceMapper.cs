using System.Globalization;
using Gitspaces.Core.State;
using Gitspaces.Docker.Engine;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker;

/// <summary>Reads a gitspace back from the engine: its labels, its container's state, and the record of what the engine cannot hold.</summary>
internal static class GitspaceMapper
{
    /// <summary>Builds the gitspace.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="container">Its container, if it has one.</param>
    /// <param name="volume">Its workspace volume, if it has one.</param>
    /// <param name="record">Its record.</param>
    /// <param name="isLocked">Tells whether an operation holds the gitspace now (in any process).</param>
    /// <returns>The gitspace.</returns>
    public static Gitspace Map(string id, EngineContainer? container, EngineVolume? volume, GitspaceRecord record, Func<bool> isLocked)
    {
        var labels = container?.Labels ?? volume?.Labels ?? [];
        var created = labels.TryGetValue(DockerLabels.Created, out var createdText) && DateTimeOffset.TryParse(createdText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : container is { Created: > 0 } ? DateTimeOffset.FromUnixTimeSeconds(container.Created) : record.UpdatedAt;
        var (state, readiness, error) = StateOf(container, record, isLocked);
        return new Gitspace
        {
            Id = id,
            Name = id,
            Provider = DockerLabels.ProviderValue,
            Repository = new GitspaceRepository
            {
                Url = Label(labels, DockerLabels.Repository) ?? string.Empty,
                Branch = Blank(Label(labels, DockerLabels.Branch)),
                Commit = Blank(Label(labels, DockerLabels.Commit)),
            },
            DevcontainerPath = Blank(Label(labels, DockerLabels.ConfigPath)),
            Ide = Label(labels, DockerLabels.Ide) ?? Ides.VsCode,
            State = state,
            Readiness = readiness,
            ErrorMessage = error,
            CreatedAt = created,
            UpdatedAt = record.UpdatedAt > created ? record.UpdatedAt : created,
            WorkspaceFolder = container?.Labels is { } cw ? Label(cw, DockerLabels.WorkspaceFolder) : null,
            RemoteUser = container?.Labels is { } cr ? Label(cr, DockerLabels.RemoteUser) : null,
            SshHost = record.SshHost,
            Image = container?.Image,
            AutoStopSeconds = record.AutoStopSeconds,
        };
    }

    /// <summary>The error of a gitspace whose operation was cut short (the process running it died).</summary>
    /// <param name="operation">The operation recorded.</param>
    /// <returns>The message, with what to do.</returns>
    public static string Interrupted(string operation) => operation is "create" or "start" or "rebuild"
        ? $"The sidecar stopped while it was running '{operation}' on this gitspace. Start it to finish the setup, or rebuild or delete it."
        : $"The sidecar stopped while it was running '{operation}' on this gitspace. Run '{operation}' again.";

    /// <summary>Tells whether another operation holds a gitspace's lock right now, without keeping it.</summary>
    /// <param name="paths">The state paths.</param>
    /// <param name="id">The gitspace id.</param>
    /// <returns>Whether it is held.</returns>
    public static bool IsLocked(StatePaths paths, string id)
    {
        using var probe = GitspaceLock.TryAcquire(paths, DockerLabels.ProviderValue, id);
        return probe is null;
    }

    private static (GitspaceState State, GitspaceReadiness? Readiness, string? Error) StateOf(EngineContainer? container, GitspaceRecord record, Func<bool> isLocked)
    {
        if (record.Operation is { } operation)
        {
            if (isLocked())
            {
                // Our own create or start reports running (setting up, ready) once its container runs.
                if (operation is "create" or "start" or "rebuild" && container?.State == "running" && record.ContainerId == container.Id && record.Readiness is { } ongoing)
                {
                    return (GitspaceState.Running, ongoing, null);
                }

                return (operation switch { "stop" => GitspaceState.Stopping, "delete" => GitspaceState.Cleaning, _ => GitspaceState.Starting }, null, null);
            }

            return (GitspaceState.Error, null, record.ErrorMessage ?? Interrupted(operation));
        }

        var running = container?.State == "running";
        if (record.ErrorMessage is { } message && !(running && record.Readiness == GitspaceReadiness.StartError && record.ContainerId == container!.Id))
        {
            return (GitspaceState.Error, null, message);
        }

        if (container is null)
        {
            return (GitspaceState.Error, null, "The gitspace's container is gone (removed outside gitspaces); rebuild or start it to re-create it from the workspace volume.");
        }

        return container.State switch
        {
            "running" when record.ContainerId == container.Id => (GitspaceState.Running, record.Readiness ?? GitspaceReadiness.Ready, record.Readiness == GitspaceReadiness.StartError ? record.ErrorMessage : null),
            "running" => (GitspaceState.Running, GitspaceReadiness.Ready, null),
            "exited" or "created" => (GitspaceState.Stopped, null, null),
            _ => (GitspaceState.Error, null, $"The gitspace's container is {container.State}."),
        };
    }

    private static string? Label(Dictionary<string, string> labels, string key) => labels.TryGetValue(key, out var value) ? value : null;

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
