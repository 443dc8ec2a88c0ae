using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Gitspaces.Providers.Harness.Tests.StandIn;

/// <summary>The stand-in's operations: actions, delete, and the state machine they play out over time.</summary>
internal sealed partial class HarnessStandIn
{
    private async Task ActionAsync(HttpContext context, StandInGitspace gitspace)
    {
        var action = (await JsonNode.ParseAsync(context.Request.Body))?["action"]?.GetValue<string>();
        Func<CancellationToken, Task>? play;
        (int Status, string Message) problem = default;
        lock (this.gate)
        {
            var instance = gitspace.Instance;
            if (instance is { IsBusy: true })
            {
                play = null;
            }
            else
            {
                play = action switch
                {
                    "start" => this.BeginStart(gitspace),
                    "stop" when instance is { State: "running" } => this.BeginStop(gitspace),
                    "reset" when instance is not null && !instance.IsFinal => this.BeginReset(gitspace),
                    _ => null,
                };
            }

            if (play is null)
            {
                problem = instance is { IsBusy: true }
                    ? (403, $"Last session for this gitspace is still {instance.State}")
                    : action is "start" or "stop" or "reset"
                        ? (400, $"Cannot {action} a gitspace that is {gitspace.State}")
                        : (400, $"Invalid action: {action}");
            }
        }

        if (play is null)
        {
            await ErrorAsync(context, problem.Status, problem.Message ?? "Bad request");
            return;
        }

        await WriteJsonAsync(context, 200, this.Render(gitspace));
        CancellationToken token;
        lock (this.gate)
        {
            // A delete cuts the operation short, as the real delete handler does with the instance it removes.
            gitspace.Playing = CancellationTokenSource.CreateLinkedTokenSource(this.stopping.Token);
            token = gitspace.Playing.Token;
        }

        _ = Task.Run(() => play(token));
    }

    /// <summary>
    /// PATCH (<c>app/api/controller/gitspace/update.go</c>): only while stopped or uninitialized; a new IDE or SSH key marks
    /// the gitspace for reset (its next start builds the container again); VS Code Web clears the key and refuses one;
    /// the machine is looked up in the gitspace's own infra provider, and the open-source <c>default</c> cannot change.
    /// The open-source server ignores <c>name</c>; the hosted one applies it (its spec lists it).
    /// </summary>
    private async Task UpdateAsync(HttpContext context, StandInGitspace gitspace, bool hosted)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))?.AsObject() ?? [];
        var ide = body["ide"]?.GetValue<string>();
        var name = body["name"]?.GetValue<string>();
        var resource = body["resource_identifier"]?.GetValue<string>();
        var key = body["ssh_token_identifier"]?.GetValue<string>();
        (int Status, string Message)? problem = null;
        lock (this.gate)
        {
            if (gitspace.State is not ("stopped" or "uninitialized"))
            {
                problem = (400, "Gitspace update can only be performed when gitspace is stopped or uninitialized");
            }
            else
            {
                if (!string.IsNullOrEmpty(ide) && ide != gitspace.Ide)
                {
                    gitspace.Ide = ide;
                    gitspace.IsMarkedForReset = true;
                }

                if (gitspace.Ide == "vs_code_web")
                {
                    gitspace.SshTokenIdentifier = string.Empty;
                }

                if (!string.IsNullOrEmpty(key) && gitspace.Ide == "vs_code_web")
                {
                    problem = (400, "SSH token should not be sent with VS Code Web IDE");
                }
                else if (!string.IsNullOrEmpty(key) && key != gitspace.SshTokenIdentifier)
                {
                    gitspace.SshTokenIdentifier = key;
                    gitspace.IsMarkedForReset = true;
                }

                if (problem is null && !string.IsNullOrEmpty(resource) && resource != gitspace.ResourceIdentifier)
                {
                    if (gitspace.ResourceIdentifier == "default")
                    {
                        problem = (400, "The default resource cannot be updated in harness open source");
                    }
                    else if (FindMachine(gitspace.Hosted, gitspace.InfraIdentifier, resource) is null)
                    {
                        problem = (404, $"could not find infra provider resource \"{resource}\"");
                    }
                    else
                    {
                        gitspace.ResourceIdentifier = resource;
                    }
                }

                if (problem is null && hosted && !string.IsNullOrEmpty(name))
                {
                    gitspace.Name = name;
                }

                gitspace.Updated = NowMs();
            }
        }

        await (problem is { } p ? ErrorAsync(context, p.Status, p.Message) : WriteJsonAsync(context, 200, this.Render(gitspace)));
    }

    /// <summary>
    /// DELETE: at once without an instance or with an <c>uninitialized</c> one; otherwise 204 and the gitspace stays as it
    /// was, marked for deletion, until the delete handler has run (<c>action_delete.go</c> deleteGitspace). No busy check.
    /// </summary>
    private Task DeleteAsync(HttpContext context, StandInGitspace gitspace)
    {
        var deferred = false;
        lock (this.gate)
        {
            if (gitspace.Instance is null || gitspace.Instance.State == "uninitialized")
            {
                this.gitspaces.Remove(gitspace.Identifier);
            }
            else if (!gitspace.IsMarkedForDeletion)
            {
                gitspace.IsMarkedForDeletion = true;
                gitspace.ReadWhileMarked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                deferred = true;
            }
        }

        context.Response.StatusCode = 204;
        if (deferred)
        {
            _ = Task.Run(() => this.HandleDeleteEventAsync(gitspace, this.stopping.Token));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The delete handler (<c>gitspacedeleteevent/handler.go</c> → <c>RemoveGitspace</c>): it runs once the old state was
    /// read again, so a client always meets the window the real event bus leaves open. A running instance goes to
    /// <c>stopping</c>, any other to <c>cleaning</c>; then the container and volume are removed and the config is gone.
    /// </summary>
    private async Task HandleDeleteEventAsync(StandInGitspace gitspace, CancellationToken cancellationToken)
    {
        Task read;
        lock (this.gate)
        {
            read = gitspace.ReadWhileMarked.Task;
        }

        try
        {
            await read.WaitAsync(cancellationToken);
            await Task.Delay(this.Step, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        Func<CancellationToken, Task> play;
        lock (this.gate)
        {
            gitspace.Playing?.Cancel();
            Move(gitspace, gitspace.Instance!.State == "running" ? "stopping" : "cleaning");
            gitspace.Instance.ErrorMessage = null;
            var live = NewLive(gitspace);
            var fail = gitspace.FailNextDelete;
            gitspace.FailNextDelete = false;
            play = token => this.PlayUntilAsync(
                gitspace,
                live,
                [
                    Go(() => this.Emit(gitspace, "agent_gitspace_deletion_start", "Removing Gitspace...", "INFO: Removing container gitspace-harness-" + gitspace.Identifier)),
                    () =>
                    {
                        if (fail)
                        {
                            // TriggerDeleteGitspace failed: the instance is left in error, still marked for deletion.
                            this.Emit(gitspace, null, null, "ERROR: Failed to remove container: device or resource busy");
                            this.Emit(gitspace, "agent_gitspace_deletion_failed", "Failed to remove Gitspace", null);
                            gitspace.Instance!.ErrorMessage = "failed to remove container: device or resource busy";
                            Move(gitspace, "error");
                            return false;
                        }

                        this.Emit(gitspace, "agent_gitspace_deletion_completed", "Removed Gitspace", "INFO: Removed volume");
                        return true;
                    },
                    Go(() => this.Emit(gitspace, "infra_deprovisioning_start", "Deprovisioning infrastructure...", null)),
                    Go(() =>
                    {
                        this.Emit(gitspace, "infra_deprovisioning_completed", "Deprovisioned infrastructure", null);
                        this.gitspaces.Remove(gitspace.Identifier);
                    }),
                ],
                token);
        }

        await play(cancellationToken);
    }

    private Func<CancellationToken, Task> BeginStart(StandInGitspace gitspace)
    {
        var now = NowMs();
        if (gitspace.Instance is null || gitspace.Instance.IsFinal)
        {
            gitspace.Instance = new StandInInstance { Identifier = gitspace.Identifier + "-" + RandomSuffix(), State = "starting", Created = now, Updated = now };
        }

        Move(gitspace, "starting");
        var live = NewLive(gitspace);
        var fail = gitspace.FailNextStart;
        gitspace.FailNextStart = false;
        this.Emit(gitspace, "gitspace_action_start", "Setting up Gitspace...", null);
        if (!gitspace.Hosted && gitspace.RepoType is not ("gitness" or "unknown"))
        {
            // The open-source server has no SCM provider for other types (scm_factory.go): the start fails fetching devcontainer.json.
            return token => this.PlayAsync(
                gitspace,
                live,
                [
                    () => this.Emit(gitspace, "fetch_devcontainer_start", "Fetching Devcontainer configuration...", null),
                    () =>
                    {
                        var why = $"failed to resolve SCM repo details: unknown scm provider type: {gitspace.RepoType}";
                        this.Emit(gitspace, "fetch_devcontainer_failed", "Failed to fetch Devcontainer configuration", "ERROR: " + why);
                        gitspace.Instance!.ErrorMessage = why;
                        Move(gitspace, "error");
                        this.Emit(gitspace, "gitspace_action_start_failed", "Failed to set up Gitspace", null);
                    },
                ],
                token);
        }

        return token => this.PlayAsync(
            gitspace,
            live,
            [
                () => this.Emit(gitspace, "fetch_devcontainer_start", "Fetching Devcontainer configuration...", "INFO: Fetching devcontainer.json from " + gitspace.RepoUrl),
                () => this.Emit(gitspace, "fetch_devcontainer_completed", "Fetched Devcontainer configuration", null),
                () => this.Emit(gitspace, "infra_provisioning_start", "Provisioning infrastructure...", "INFO: Provisioning " + gitspace.ResourceIdentifier),
                () => this.Emit(gitspace, "infra_provisioning_completed", "Provisioned infrastructure", null),
                () => this.Emit(gitspace, "agent_connect_start", "Connecting to Gitspace agent...", null),
                () => this.Emit(gitspace, "agent_connect_completed", "Connected to Gitspace agent", null),
                () => this.Emit(gitspace, "agent_gitspace_creation_start", "Setting up Gitspace container...", "INFO: Cloning " + gitspace.RepoUrl + " into /home/harness/" + gitspace.RepoName),
                () => this.Emit(gitspace, null, null, "INFO: Pulling image mcr.microsoft.com/devcontainers/base:dev-ubuntu-24.04"),
                () => this.Emit(gitspace, null, null, "INFO: Running postCreateCommand"),
                () =>
                {
                    if (fail)
                    {
                        this.Emit(gitspace, null, null, "ERROR: postCreateCommand failed: exit status 1");
                        this.Emit(gitspace, "agent_gitspace_creation_failed", "Failed to set up Gitspace container", null);
                        gitspace.Instance!.ErrorMessage = "postCreateCommand failed: exit status 1";
                        Move(gitspace, "error");
                        this.Emit(gitspace, "gitspace_action_start_failed", "Failed to set up Gitspace", null);
                        return;
                    }

                    this.Emit(gitspace, "agent_gitspace_creation_completed", "Gitspace container is set up", "INFO: Gitspace is ready");
                    Provision(gitspace);
                    gitspace.IsMarkedForReset = false;
                    gitspace.Instance!.LastUsed = NowMs();
                    Move(gitspace, "running");
                    this.Emit(gitspace, "gitspace_action_start_completed", "Gitspace set up successfully", null);
                },
            ],
            token);
    }

    private Func<CancellationToken, Task> BeginStop(StandInGitspace gitspace)
    {
        Move(gitspace, "stopping");
        var live = NewLive(gitspace);
        this.Emit(gitspace, "gitspace_action_stop", "Stopping Gitspace...", null);
        return token => this.PlayAsync(
            gitspace,
            live,
            [
                () => this.Emit(gitspace, "agent_connect_start", "Connecting to Gitspace agent...", null),
                () => this.Emit(gitspace, "agent_connect_completed", "Connected to Gitspace agent", null),
                () => this.Emit(gitspace, "agent_gitspace_stop_start", "Stopping Gitspace container...", "INFO: Stopping container gitspace-harness-" + gitspace.Identifier),
                () => this.Emit(gitspace, "agent_gitspace_stop_completed", "Stopped Gitspace container", null),
                () => this.Emit(gitspace, "infra_stop_start", "Stopping infrastructure...", null),
                () =>
                {
                    this.Emit(gitspace, "infra_stop_completed", "Stopped infrastructure", null);
                    Move(gitspace, "stopped");
                    this.Emit(gitspace, "gitspace_action_stop_completed", "Stopped Gitspace", null);
                },
            ],
            token);
    }

    private Func<CancellationToken, Task> BeginReset(StandInGitspace gitspace)
    {
        Move(gitspace, "resetting");
        var live = NewLive(gitspace);
        this.Emit(gitspace, "gitspace_action_reset", "Resetting Gitspace...", null);
        return token => this.PlayAsync(
            gitspace,
            live,
            [
                () => this.Emit(gitspace, "agent_gitspace_deletion_start", "Removing Gitspace...", "INFO: Removing container, keeping the volume"),
                () => this.Emit(gitspace, "agent_gitspace_deletion_completed", "Removed Gitspace container", null),
                () =>
                {
                    Move(gitspace, "deleted");
                    this.Emit(gitspace, "gitspace_action_reset_completed", "Reset Gitspace", null);
                },
            ],
            token);
    }

    private static Func<bool> Go(Action step) => () =>
    {
        step();
        return true;
    };

    private Task PlayAsync(StandInGitspace gitspace, StandInLiveLog live, IReadOnlyList<Action> steps, CancellationToken cancellationToken) =>
        this.PlayUntilAsync(gitspace, live, [.. steps.Select(Go)], cancellationToken);

    /// <summary>Plays the steps one <see cref="Step"/> apart, under the lock; a step that answers false ends the operation there.</summary>
    private async Task PlayUntilAsync(StandInGitspace gitspace, StandInLiveLog live, IReadOnlyList<Func<bool>> steps, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var step in steps)
            {
                await Task.Delay(this.Step, cancellationToken);
                lock (this.gate)
                {
                    if (!step())
                    {
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (this.gate)
            {
                live.Complete();

                // The open-source server's Flush deletes the stream at the end of the operation.
                if (gitspace.Live == live)
                {
                    gitspace.Live = null;
                }
            }
        }
    }

    private static StandInLiveLog NewLive(StandInGitspace gitspace)
    {
        var live = new StandInLiveLog();
        gitspace.Live = live;
        return live;
    }

    private static void Move(StandInGitspace gitspace, string instanceState)
    {
        var now = NowMs();
        gitspace.StateHistory.Add((instanceState, DateTimeOffset.UtcNow));
        gitspace.Instance!.State = instanceState;
        gitspace.Instance.Updated = now;
        gitspace.Updated = now;
        var moved = gitspace.Moved;
        gitspace.Moved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        moved.TrySetResult();
    }

    private static void Provision(StandInGitspace gitspace)
    {
        var instance = gitspace.Instance!;
        const string host = "127.0.0.1";
        const int port = 2201;
        var folder = "/home/harness/" + gitspace.RepoName;
        instance.SshCommand = $"ssh -t -p {port} harness@{host} 'cd {folder}; exec $SHELL -l'";
        instance.Url = gitspace.Ide switch
        {
            "vs_code" => $"vscode-remote://ssh-remote+harness@{host}:{port}{folder}",
            "vs_code_web" => $"http://{host}:8089?folder={folder}",
            "cursor" => $"cursor://vscode-remote:/ssh-remote+harness@{host}:{port}{folder}",
            "windsurf" => $"windsurf://vscode-remote:/ssh-remote+harness@{host}:{port}{folder}",
            _ => $"jetbrains-gateway://connect#idePath=/home/harness/.cache/JetBrains/RemoteDev/dist/{gitspace.Ide}&projectPath={folder}&host={host}&port={port}&user=harness&type=ssh&deploy=false",
        };
        instance.PluginUrl = gitspace.Ide == "vs_code" ? $"vscode://harness-inc.gitspaces/{gitspace.RepoName}/{instance.Identifier}" : null;
    }

    /// <summary>Records an event and/or a log line (under the lock).</summary>
    private void Emit(StandInGitspace gitspace, string? type, string? message, string? logLine)
    {
        if (type is not null)
        {
            var now = DateTimeOffset.UtcNow;
            var nanos = Math.Max(now.ToUnixTimeMilliseconds() * 1_000_000 + (now.Ticks % TimeSpan.TicksPerMillisecond) * 100, this.lastTimestamp + 1);
            this.lastTimestamp = nanos;
            gitspace.Events.Add(new StandInEvent(type, message ?? type, nanos, type.StartsWith("gitspace_action", StringComparison.Ordinal) ? "gitspace_config" : "gitspace_instance"));
        }

        if (logLine is not null)
        {
            gitspace.Instance?.Log.Add(logLine);
            gitspace.Live?.Append(logLine, NowMs());
        }
    }

    /// <summary>
    /// Events, newest first, without <c>infra_cleanup_*</c> (<c>app/api/controller/gitspace/events.go</c>). The open-source server
    /// pages them and says so in headers; the hosted API takes no paging parameters and answers everything (the CDE spec).
    /// </summary>
    private async Task EventsAsync(HttpContext context, StandInGitspace gitspace, bool paged)
    {
        var page = int.TryParse(context.Request.Query["page"], out var p) && p > 0 ? p : 1;
        var limit = int.TryParse(context.Request.Query["limit"], out var l) && l > 0 ? Math.Min(l, 100) : 30;
        JsonArray items;
        int total;
        lock (this.gate)
        {
            var all = gitspace.Events
                .Where(e => !e.Type.StartsWith("infra_cleanup_", StringComparison.Ordinal))
                .OrderByDescending(e => e.TimestampNanoseconds)
                .ToList();
            total = all.Count;
            var shown = paged ? all.Skip((page - 1) * limit).Take(limit) : all;
            items = new JsonArray([.. shown.Select(e => (JsonNode)new JsonObject
            {
                ["event"] = e.Type,
                ["query_key"] = gitspace.Identifier,
                ["entity_type"] = e.EntityType,
                ["timestamp"] = e.TimestampNanoseconds,
                ["created"] = e.TimestampNanoseconds / 1_000_000,
                ["event_time"] = DateTimeOffset.UnixEpoch.AddTicks(e.TimestampNanoseconds / 100).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
                ["message"] = e.Message,
            })]);
        }

        if (paged)
        {
            SetPagination(context, page, limit, total);
        }

        await WriteJsonAsync(context, 200, items);
    }

    private async Task StreamAsync(HttpContext context, StandInGitspace gitspace)
    {
        StandInLiveLog? live;
        lock (this.gate)
        {
            live = gitspace.Live;
        }

        if (live is null)
        {
            await ErrorAsync(context, 404, "log stream not present");
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, this.stopping.Token).Token;
        await context.Response.WriteAsync(": ping\n\n", aborted);
        await context.Response.Body.FlushAsync(aborted);
        var sent = 0;
        try
        {
            while (true)
            {
                var (lines, done, changed) = live.Read(sent);
                var text = new StringBuilder();
                foreach (var (pos, output, time) in lines)
                {
                    var data = new JsonObject { ["pos"] = pos, ["out"] = output, ["time"] = time }.ToJsonString();
                    text.Append("event: log_line_appended\ndata: ").Append(data).Append("\n\n");
                }

                sent += lines.Count;
                if (done)
                {
                    text.Append("event: error\ndata: eof\n\n");
                }

                if (text.Length > 0)
                {
                    await context.Response.WriteAsync(text.ToString(), aborted);
                    await context.Response.Body.FlushAsync(aborted);
                }

                if (done)
                {
                    return;
                }

                // A ping every 30 s keeps proxies from closing an idle stream.
                if (await Task.WhenAny(changed, Task.Delay(TimeSpan.FromSeconds(30), aborted)) != changed)
                {
                    await context.Response.WriteAsync(": ping\n\n", aborted);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
