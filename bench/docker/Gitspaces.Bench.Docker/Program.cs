using System.Text.Json;
using Gitspaces.Core;
using Gitspaces.Core.Errors;
using Gitspaces.Core.State;
using Gitspaces.Protocol;
using Gitspaces.Providers.Docker;
using Gitspaces.Ssh.Config;
using Gitspaces.Ssh.Keys;

// Usage: gitspaces-docker-bench up <repo> [--name N] [--config PATH] | start|stop|rebuild|delete|get <id> | list
// Prints one JSON line with the outcome, like `gitspaces up --json` will.
// GITSPACES_BENCH_TIMING=1 prints where one process's time goes (since process start) to stderr.
var timing = Environment.GetEnvironmentVariable("GITSPACES_BENCH_TIMING") is not null;
void Mark(string what)
{
    if (timing)
    {
        Console.Error.WriteLine($"{(DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalMilliseconds,7:0.0} ms {what}");
    }
}

Mark("main");
var paths = StatePaths.FromEnvironment();
var registryOptions = SshHostRegistryOptions.Create(paths) with { SidecarCommand = [Environment.ProcessPath ?? "/usr/bin/dotnet"] };
using var provider = new DockerProvider(paths, new SshIdentityStore(paths), new SshHostRegistry(registryOptions));
var service = new GitspaceService([provider], paths);
Mark("composed");
string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
try
{
    object result = args[0] switch
    {
        "up" => await service.CreateAsync(
            new CreateGitspaceParams { Repository = new RepositorySource { Url = args[1], Branch = Option("--branch") }, Name = Option("--name"), DevcontainerPath = Option("--config") },
            null,
            CancellationToken.None),
        "start" => await service.StartAsync(args[1], null, CancellationToken.None),
        "stop" => await service.StopAsync(args[1], null, CancellationToken.None),
        "rebuild" => await service.RebuildAsync(args[1], null, CancellationToken.None),
        "delete" => await service.DeleteAsync(args[1], null, CancellationToken.None),
        "get" => await service.GetAsync(args[1], CancellationToken.None),
        "list" => await service.ListAsync(null, CancellationToken.None),
        "watch" => await WatchAsync(service, TimeSpan.FromSeconds(double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture))),
        _ => throw new ArgumentException("unknown command " + args[0]),
    };
    Mark(args[0] + " returned");
    if (args[0] == "list" && timing)
    {
        // The same call again, warm: what is left is the engine and the mapping, not loading and JIT.
        await service.ListAsync(null, CancellationToken.None);
        Mark("list again returned");
    }

    if (!args.Contains("--no-wait"))
    {
        await provider.DrainAsync();
    }

    Console.WriteLine(JsonSerializer.Serialize(result, result.GetType(), GitspacesJsonContext.Default));
    Mark("printed");
    return 0;
}
catch (GitspaceException ex)
{
    Console.WriteLine(JsonSerializer.Serialize(new { outcome = "error", code = ex.Code, message = ex.Message }));
    if (Environment.GetEnvironmentVariable("GITSPACES_BENCH_DEBUG") is not null)
    {
        Console.Error.WriteLine(ex.InnerException);
    }

    return 1;
}

static async Task<object> WatchAsync(GitspaceService service, TimeSpan duration)
{
    using var stop = new CancellationTokenSource(duration);
    var seen = new ChangeRecorder();
    using (service.Subscribe(seen))
    {
        await service.WatchAsync(stop.Token);
    }

    return new ListGitspacesResult { Gitspaces = seen.Changes };
}

/// <summary>Keeps the changes a watch reports, and shows each on stderr.</summary>
internal sealed class ChangeRecorder : Gitspaces.Core.Operations.IGitspaceObserver
{
    private readonly List<Gitspace> changes = [];

    public List<Gitspace> Changes
    {
        get
        {
            lock (this.changes)
            {
                return [.. this.changes];
            }
        }
    }

    public void OnChanged(Gitspace gitspace)
    {
        lock (this.changes)
        {
            this.changes.Add(gitspace);
        }

        Console.Error.WriteLine($"{gitspace.Id}: {gitspace.State}");
    }

    public void OnEvent(string gitspaceId, GitspaceEvent gitspaceEvent)
    {
    }

    public void OnLog(string gitspaceId, LogLine line)
    {
    }
}
