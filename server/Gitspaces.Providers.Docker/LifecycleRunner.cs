using System.Text.Json;
using Gitspaces.Core.Operations;
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
    private const int KeptLines = 60;
    private readonly EngineClient client;
    private readonly string gitspaceId;
    private readonly string container;
    private readonly string user;
    private readonly string workspaceFolder;
    private readonly IReadOnlyList<string> environment;

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

    /// <summary>Runs every command of a hook, in order.</summary>
    /// <param name="hook">The hook name.</param>
    /// <param name="commands">Its commands.</param>
    /// <param name="context">Receives events and log lines.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    /// <exception cref="LifecycleCommandFailedException">A command failed.</exception>
    public async Task RunHookAsync(string hook, IReadOnlyList<LifecycleCommand> commands, IOperationContext context, CancellationToken cancellationToken)
    {
        foreach (var command in commands)
        {
            var label = $"{hook} from {command.Origin}";
            context.RecordEvent(this.gitspaceId, EventTypes.LifecycleCommandStart, $"Running {label}: {Describe(command.Command)}");
            var started = DateTimeOffset.UtcNow;
            try
            {
                if (command.Command.ValueKind == JsonValueKind.Object)
                {
                    var parallel = command.Command.EnumerateObject()
                        .Where(p => !new LifecycleCommand { Origin = command.Origin, Command = p.Value }.IsEmpty)
                        .Select(p => this.RunOneAsync(hook, $"{p.Name} of {label}", p.Value, "[" + p.Name + "] ", context, cancellationToken))
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

    private static string Describe(JsonElement command) => command.ValueKind switch
    {
        JsonValueKind.String => command.GetString()!,
        JsonValueKind.Array => string.Join(' ', command.EnumerateArray().Select(a => a.ToString())),
        JsonValueKind.Object => "{" + string.Join(", ", command.EnumerateObject().Select(p => p.Name)) + "} in parallel",
        _ => command.ToString(),
    };

    private async Task RunOneAsync(string hook, string label, JsonElement command, string prefix, IOperationContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> argv = command.ValueKind switch
        {
            JsonValueKind.String => ["/bin/sh", "-c", command.GetString()!],
            JsonValueKind.Array => [.. command.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.String ? a.GetString()! : a.ToString())],
            _ => throw new LifecycleCommandFailedException(hook, $"{label} is neither a string nor an array of strings: {command}", []),
        };
        var tail = new Queue<string>();
        long exitCode;
        try
        {
            exitCode = await ContainerExec.RunAsync(
                this.client,
                this.container,
                argv,
                this.user,
                this.workspaceFolder,
                this.environment,
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

        if (exitCode != 0)
        {
            string[] log;
            lock (tail)
            {
                log = [.. tail];
            }

            var detail = exitCode == 126 || exitCode == 127 ? " (command not found or not executable)" : string.Empty;
            throw new LifecycleCommandFailedException(hook, $"{label} failed with exit code {exitCode}{detail}: {Describe(command)}", log);
        }
    }
}
