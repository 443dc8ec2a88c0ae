using Docker.DotNet;
using Docker.DotNet.Models;
using Gitspaces.Core.Operations;
using Gitspaces.Protocol;
using Gitspaces.Docker.Engine;

namespace Gitspaces.Providers.Docker.Watching;

/// <summary>
/// Follows the engine's container events for gitspaces and reports each change; what happened outside one of our
/// operations (a container stopped with the docker CLI) is recorded as an event that says so. Reconnects with backoff
/// while the engine is away.
/// </summary>
internal sealed class EngineEventWatcher
{
    private readonly DockerEngines engines;
    private readonly GitspaceRecordStore records;
    private readonly Func<string, bool> isOperating;
    private readonly Func<string, CancellationToken, Task<Gitspace?>> read;
    private readonly Action<string>? log;
    private readonly Func<string, string, IGitspaceReporter, CancellationToken, Task<bool>>? autoStopped;

    /// <summary>Initializes a new instance of the <see cref="EngineEventWatcher"/> class.</summary>
    /// <param name="engines">The engine.</param>
    /// <param name="records">What the provider keeps of each gitspace (the operation in progress, when it last changed it).</param>
    /// <param name="isOperating">Whether this process is running an operation on a gitspace now.</param>
    /// <param name="read">Reads a gitspace as it is now, or null when it is gone.</param>
    /// <param name="log">Receives diagnostics.</param>
    /// <param name="autoStopped">Records an auto-stop when the container that died left the marker, and says whether it did.</param>
    public EngineEventWatcher(DockerEngines engines, GitspaceRecordStore records, Func<string, bool> isOperating, Func<string, CancellationToken, Task<Gitspace?>> read, Action<string>? log, Func<string, string, IGitspaceReporter, CancellationToken, Task<bool>>? autoStopped = null)
    {
        this.autoStopped = autoStopped;
        this.engines = engines;
        this.records = records;
        this.isOperating = isOperating;
        this.read = read;
        this.log = log;
    }

    /// <summary>Watches until cancelled.</summary>
    /// <param name="journal">Records what happened and tells every client.</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>A task that completes when watching stops.</returns>
    public async Task WatchAsync(IGitspaceJournal journal, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await this.WatchOnceAsync(journal, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (DockerFailures.IsUnreachable(ex) || ex is DockerApiException or EngineException or IOException)
            {
                this.log?.Invoke($"docker events: {DockerFailures.Innermost(ex).Message}; watching again in {delay.TotalSeconds:0.#} s");
            }

            try
            {
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
        }
    }

    private async Task WatchOnceAsync(IGitspaceJournal journal, CancellationToken cancellationToken)
    {
        var filters = new Dictionary<string, IDictionary<string, bool>>
        {
            ["type"] = new Dictionary<string, bool> { ["container"] = true },
            ["label"] = new Dictionary<string, bool> { [DockerLabels.ProviderFilter] = true },
            ["event"] = new Dictionary<string, bool> { ["start"] = true, ["die"] = true, ["stop"] = true, ["destroy"] = true, ["pause"] = true, ["unpause"] = true },
        };
        var queue = System.Threading.Channels.Channel.CreateUnbounded<Message>(new() { SingleReader = true });
        var pump = Task.Run(
            async () =>
            {
                await foreach (var message in queue.Reader.ReadAllAsync(cancellationToken))
                {
                    try
                    {
                        await this.HandleAsync(message, journal, cancellationToken);
                    }
#pragma warning disable CA1031 // One bad event (or a failing observer) must not end watching.
                    catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                    {
                        this.log?.Invoke($"docker event {message.Action} of {message.ID}: {ex.Message}");
                    }
                }
            },
            cancellationToken);
        try
        {
            await this.engines.Client.System.MonitorEventsAsync(new ContainerEventsParameters { Filters = filters }, new SyncProgress<Message>(m => queue.Writer.TryWrite(m)), cancellationToken);
        }
        finally
        {
            queue.Writer.TryComplete();
            await pump.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private async Task HandleAsync(Message message, IGitspaceJournal journal, CancellationToken cancellationToken)
    {
        if (message.Actor?.Attributes is not { } attributes || !attributes.TryGetValue(DockerLabels.Id, out var id))
        {
            return;
        }

        var record = this.records.Read(id);
        var eventTime = DateTimeOffset.FromUnixTimeMilliseconds(message.TimeNano / 1_000_000);

        // Our own operations change containers too; only what happened outside one of them is "external".
        var ours = this.isOperating(id) || record.Operation is not null || eventTime < record.UpdatedAt;
        Gitspace? gitspace;
        try
        {
            gitspace = await this.read(id, cancellationToken);
        }
        catch (Exception ex) when (DockerFailures.IsUnreachable(ex) || ex is DockerApiException or EngineException)
        {
            return;
        }

        if (gitspace is null)
        {
            return;
        }

        // A gitspace that stopped itself after its idle timeout says so, not "changed externally".
        if (!ours && message.Action == "die" && this.autoStopped is not null && (message.Actor?.ID ?? message.ID) is { } containerId
            && await this.autoStopped(id, containerId, journal, cancellationToken))
        {
            journal.Changed(await this.read(id, cancellationToken) ?? gitspace);
            return;
        }

        if (!ours)
        {
            var what = message.Action switch
            {
                "die" or "stop" => "stopped",
                "start" => "started",
                "destroy" => "removed",
                var other => other,
            };
            if (message.Action == "start")
            {
                // Started behind our back: postStart did not run through us, so we cannot vouch for setup.
                this.records.Update(id, r => r with { Readiness = null });
                gitspace = gitspace with { Readiness = GitspaceReadiness.Ready };
            }

            journal.RecordEvent(
                id,
                EventTypes.GitspaceChangedExternally,
                $"{(attributes.TryGetValue(Compose.ComposeLabels.Service, out var service) ? $"The container of the compose service '{service}'" : "The container")} was {what} outside gitspaces (docker {message.Action}); the gitspace is now {gitspace.State.ToString().ToLowerInvariant()}.",
                eventTime);
        }

        journal.Changed(gitspace);
    }
}
