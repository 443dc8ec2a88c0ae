using System.Text.Json.Nodes;
using Gitspaces.Core.Operations;
using Gitspaces.DevContainers.Model;
using Gitspaces.DevContainers.Variables;
using Gitspaces.Docker.Engine;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// Runs lifecycle hooks in a container as the remote user in the workspace folder: a string through
/// <c>/bin/sh -c</c>, an array exec'd directly, an object's entries in parallel; every contributor in order; the
/// first failure stops the hook and names the command.
/// </summary>
internal sealed class LifecycleRunner
{
    /// <summary>The variable that marks the processes of one lifecycle command (and their children) in the container.</summary>
    internal const string RunMarkerVariable = "GITSPACES_LIFECYCLE_RUN";

    private const int KeptLines = 60;

    /// <summary>
    /// Stops the processes whose environment holds the marker given as <c>$1</c>: TERM, then KILL for what is left after
    /// about two seconds. Only <c>/bin/sh</c>, <c>grep</c>, <c>kill</c> and <c>/proc</c>, which every image with a
    /// shell has. The marker is an argument, not in this script's own environment, so the script never matches itself.
    /// </summary>
    private const string StopMarkedScript = """
        n=0
        while :; do
          left=
          for d in /proc/[0-9]*; do
            if grep -qF "$1" "$d/environ" 2>/dev/null; then left="$left ${d#/proc/}"; fi
          done
          [ -z "$left" ] && exit 0
          if [ "$n" -ge 20 ]; then kill -KILL $left 2>/dev/null; exit 0; fi
          kill -TERM $left 2>/dev/null
          n=$((n + 1))
          sleep 0.1 2>/dev/null || sleep 1
        done
        """;
    private readonly EngineClient client;
    private readonly string gitspaceId;
    private readonly string container;
    private readonly string user;
    private readonly string workspaceFolder;
    private IReadOnlyList<string> environment;
    private Dictionary<string, string>? containerEnvironment;

    /// <summary>Initializes a new instance of the <see cref="LifecycleRunner"/> class.</summary>
    /// <param name="client">The engine client.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="container">The container id.</param>
    /// <param name="user">The remote user.</param>
    /// <param name="workspaceFolder">The working folder.</param>
    /// <param name="environment">The remote environment (<c>K=V</c>).</param>
    public LifecycleRunner(EngineClient client, string gitspaceId, string container, string user, string workspaceFolder, IReadOnlyList<string> environment)
    {
        this.client = client;
        this.gitspaceId = gitspaceId;
        this.container = container;
        this.user = user;
        this.workspaceFolder = workspaceFolder;
        this.environment = environment;
    }

    /// <summary>Creates the runner for a gitspace's container, from what its labels carry (user, folder, metadata with <c>remoteEnv</c>).</summary>
    /// <param name="client">The engine client.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="containerId">The container id.</param>
    /// <param name="labels">The container's labels.</param>
    /// <returns>The runner.</returns>
    /// <param name="secrets">The user's secrets in scope, after <c>remoteEnv</c> (a secret wins); none when <see langword="null"/>.</param>
    /// <param name="extra">One more variable for every command (the credential channel's wait), set first so that nothing of the user's is overridden.</param>
    public static LifecycleRunner ForContainer(EngineClient client, string gitspaceId, string containerId, IDictionary<string, string> labels, IReadOnlyDictionary<string, string>? secrets = null, KeyValuePair<string, string>? extra = null)
    {
        IReadOnlyDictionary<string, string>? remoteEnv = LifecyclePlan.FromLabels(labels).RemoteEnv;
        if (remoteEnv is null)
        {
            // A container of an earlier build: its metadata label held the entries substituted.
            var entries = MergedMetadata.EntriesIn(labels);
            remoteEnv = MergedMetadata.Merge(entries.Count > 0 ? entries[^1] : new JsonObject(), entries, [.. entries.Select(_ => "image")]).RemoteEnv;
        }

        // Exec-time variables: the engine keeps them out of the container's configuration (inspect shows none).
        var environment = remoteEnv.Where(e => secrets is null || !secrets.ContainsKey(e.Key)).Select(e => e.Key + "=" + e.Value).ToList();
        if (extra is { } variable && !remoteEnv.ContainsKey(variable.Key) && secrets?.ContainsKey(variable.Key) != true)
        {
            environment.Insert(0, variable.Key + "=" + variable.Value);
        }

        environment.AddRange((secrets ?? new Dictionary<string, string>()).Select(s => s.Key + "=" + s.Value));
        return new LifecycleRunner(client, gitspaceId, containerId, labels[DockerLabels.RemoteUser], labels[DockerLabels.WorkspaceFolder], environment);
    }

    /// <summary>Gets the variables commands run with (<c>K=V</c>): <c>remoteEnv</c> and the user's secrets.</summary>
    public IReadOnlyList<string> Environment => this.environment;

    /// <summary>Gets the user commands run as.</summary>
    public string User => this.user;

    /// <summary>Runs every command of a hook, in order.</summary>
    /// <param name="hook">The hook name.</param>
    /// <param name="commands">Its commands.</param>
    /// <param name="context">Receives events and log lines.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    /// <exception cref="LifecycleCommandFailedException">A command failed.</exception>
    public async Task RunHookAsync(string hook, IReadOnlyList<ContributedCommand> commands, IGitspaceReporter context, CancellationToken cancellationToken)
    {
        foreach (var contributed in commands)
        {
            var command = await this.ResolveAsync(contributed, cancellationToken);
            var label = $"{hook} from {command.Origin}";
            context.RecordEvent(this.gitspaceId, EventTypes.LifecycleCommandStart, $"Running {label}: {command.Command}");
            var started = DateTimeOffset.UtcNow;
            try
            {
                if (command.Command.Form == LifecycleCommandForm.Parallel)
                {
                    var parallel = command.Command.Parallel
                        .Where(p => !p.Value.IsEmpty)
                        .Select(p => this.RunOneAsync(hook, $"{p.Key} of {label}", p.Value, "[" + p.Key + "] ", context, cancellationToken))
                        .ToList();

                    // Like the reference: wait for every entry, then fail if any failed.
                    await Task.WhenAll(parallel.Select(t => t.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)));
                    if (parallel.FirstOrDefault(t => t.IsFaulted) is { } failed)
                    {
                        await failed;
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                }
                else
                {
                    await this.RunOneAsync(hook, label, command.Command, string.Empty, context, cancellationToken);
                }
            }
            catch (LifecycleCommandFailedException ex)
            {
                context.RecordEvent(this.gitspaceId, EventTypes.LifecycleCommandFailed, ex.Message);
                throw;
            }

            var seconds = (DateTimeOffset.UtcNow - started).TotalSeconds;
            context.RecordEvent(this.gitspaceId, EventTypes.LifecycleCommandCompleted, $"Ran {label} in {seconds:0.0} s");
        }
    }

    /// <summary>
    /// Substitutes <c>${containerEnv:…}</c> in a command and, once, in the remote environment, against the running
    /// container's environment, as the reference does after the container starts. The container is inspected only
    /// when something asks for it.
    /// </summary>
    private async Task<ContributedCommand> ResolveAsync(ContributedCommand command, CancellationToken cancellationToken)
    {
        var json = command.Command.ToJson();
        var asks = json.ToJsonString().Contains("${containerEnv:", StringComparison.Ordinal)
            || (this.containerEnvironment is null && this.environment.Any(e => e.Contains("${containerEnv:", StringComparison.Ordinal)));
        if (!asks)
        {
            return command;
        }

        if (this.containerEnvironment is null)
        {
            var details = await this.client.InspectContainerAsync(this.container, cancellationToken);
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in details?.Config.Env ?? [])
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    values[pair[..equals]] = pair[(equals + 1)..];
                }
            }

            this.containerEnvironment = values;
            this.environment = [.. this.environment.Select(e => VariableSubstitution.SubstituteContainerEnv(JsonValue.Create(e), values)!.GetValue<string>())];
        }

        var resolved = LifecycleCommand.FromJson(VariableSubstitution.SubstituteContainerEnv(json, this.containerEnvironment));
        return resolved is null ? command : command with { Command = resolved };
    }

    private async Task RunOneAsync(string hook, string label, LifecycleCommand command, string prefix, IGitspaceReporter context, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> argv = command.Form switch
        {
            LifecycleCommandForm.Shell => ["/bin/sh", "-c", command.ShellCommand!],
            LifecycleCommandForm.Exec => command.Arguments,
            _ => throw new LifecycleCommandFailedException(hook, $"{label} is neither a string nor an array of strings: {command.ToJson().ToJsonString()}", []),
        };
        var tail = new Queue<string>();
        long exitCode;

        // The engine has no call that stops an exec'd process, and closing our end of its stream does not stop it:
        // each command gets a variable of its own, which its children inherit, so a cancel can find them all.
        var marker = $"{RunMarkerVariable}={Guid.NewGuid():N}";
        try
        {
            exitCode = await ContainerExec.RunAsync(
                this.client,
                this.container,
                argv,
                this.user,
                this.workspaceFolder,
                [.. this.environment, marker],
                (stream, line) =>
                {
                    lock (tail)
                    {
                        tail.Enqueue(line);
                        if (tail.Count > KeptLines)
                        {
                            tail.Dequeue();
                        }
                    }

                    context.WriteLog(this.gitspaceId, stream, prefix + line);
                },
                cancellationToken);
        }
        catch (EngineException ex)
        {
            throw new LifecycleCommandFailedException(hook, $"{label} could not run: {DockerFailures.EngineMessage(ex)}", []);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A cancel stops the command, not only our wait for it: nothing of a cancelled create goes on in the container.
            await this.StopMarkedAsync(marker);
            throw;
        }

        if (exitCode != 0)
        {
            string[] log;
            lock (tail)
            {
                log = [.. tail];
            }

            var detail = exitCode == 126 || exitCode == 127 ? " (command not found or not executable)" : string.Empty;
            throw new LifecycleCommandFailedException(hook, $"{label} failed with exit code {exitCode}{detail}: {command}", log);
        }
    }

    /// <summary>
    /// Stops every lifecycle command still running in the container, whichever run started it: what an interrupted
    /// setup left behind when its process died, before the setup goes on.
    /// </summary>
    /// <returns>A task that completes when they have stopped.</returns>
    public Task StopLeftoversAsync() => this.StopMarkedAsync(RunMarkerVariable + "=");

    /// <summary>Stops a cancelled command's processes in the container; a container that is gone has nothing to stop.</summary>
    private async Task StopMarkedAsync(string marker)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await ContainerExec.RunAsync(this.client, this.container, ["/bin/sh", "-c", StopMarkedScript, "sh", marker], "root", null, null, (_, _) => { }, bound.Token);
        }
        catch (Exception ex) when (ex is EngineException or OperationCanceledException or IOException or HttpRequestException)
        {
            // The container stopped or went away with the command, or the engine is gone: then nothing runs there either.
        }
    }
}
