using System.Globalization;
using Gitspaces.Core;
using Gitspaces.Core.Operations;
using Gitspaces.Core.State;
using Gitspaces.Protocol;
using Gitspaces.Providers.Harness;
using Gitspaces.Providers.Harness.Tests.StandIn;

// Usage: gitspaces-harness-bench [runs] [stepMs]
//        gitspaces-harness-bench watch [gitspaces] [running] [tickMs]   (what watching costs the control plane)
if (args is ["watch", .. var watchArgs])
{
    await WatchBench.RunAsync(watchArgs);
    return;
}

// Each run creates a gitspace (start), stops it and deletes it, once per polling policy, interleaved, against the
// stand-in control plane whose operations take `stepMs` per step (10 steps to start, 6 to stop).
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var step = TimeSpan.FromMilliseconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300);
const string token = "bench-token";

var policies = new (string Name, HarnessProviderOptions Options)[]
{
    ("adaptive 0.5-5 s (ours)", new HarnessProviderOptions()),
    ("fixed 2 s", new HarnessProviderOptions { PollInterval = TimeSpan.FromSeconds(2), MaxPollInterval = TimeSpan.FromSeconds(2) }),
    ("fixed 5 s", new HarnessProviderOptions { PollInterval = TimeSpan.FromSeconds(5), MaxPollInterval = TimeSpan.FromSeconds(5) }),
};

Console.WriteLine($"runs: {runs}, control-plane step: {step.TotalMilliseconds} ms (start = 10 steps, stop = 6 steps)");
foreach (var flavour in new[] { HarnessFlavour.Cde, HarnessFlavour.Oss })
{
    var results = policies.ToDictionary(p => p.Name, _ => new List<Sample>());
    for (var run = 0; run < runs; run++)
    {
        foreach (var (name, options) in policies)
        {
            results[name].Add(await MeasureAsync(flavour, options, step));
        }
    }

    Console.WriteLine();
    Console.WriteLine($"flavour {flavour.ToString().ToLowerInvariant()} — medians over {runs} runs");
    Console.WriteLine($"{"policy",-26} {"start lag ms",12} {"stop lag ms",12} {"first event ms",15} {"first log ms",13} {"requests",9}");
    foreach (var (name, samples) in results)
    {
        Console.WriteLine($"{name,-26} {Median(samples.Select(s => s.StartLag)),12:0} {Median(samples.Select(s => s.StopLag)),12:0} {Median(samples.Select(s => s.FirstEvent)),15:0} {Median(samples.Select(s => s.FirstLog)),13:0} {Median(samples.Select(s => (double)s.Requests)),9:0}");
    }
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
}

static async Task<Sample> MeasureAsync(HarnessFlavour flavour, HarnessProviderOptions options, TimeSpan step)
{
    await using var standIn = await HarnessStandIn.StartAsync(token, step);
    var home = Directory.CreateTempSubdirectory("gitspaces-harness-bench-").FullName;
    try
    {
        var paths = new StatePaths(home, Path.Combine(home, "config"));
        using var provider = new HarnessProvider(paths, options, _ => null);
        await provider.ConfigureAsync(
            new ConfigureProviderParams
            {
                Provider = "harness",
                Endpoint = standIn.BaseAddress.ToString(),
                Flavour = flavour == HarnessFlavour.Cde ? "cde" : "oss",
                AccountIdentifier = HarnessStandIn.Account,
                OrgIdentifier = HarnessStandIn.Org,
                ProjectIdentifier = HarnessStandIn.Project,
                SpacePath = HarnessStandIn.Space,
                Token = token,
            },
            CancellationToken.None);
        var service = new GitspaceService([provider], paths);
        var observer = new FirstSeen();
        using var subscription = service.Subscribe(observer);
        var before = standIn.Requests.Count;

        var startedAt = DateTimeOffset.UtcNow;
        var gitspace = await service.CreateAsync(new CreateGitspaceParams { Provider = "harness", Repository = new RepositorySource { Url = "https://github.com/acme/bench.git", Branch = "main" } }, null, CancellationToken.None);
        var createReturned = DateTimeOffset.UtcNow;
        await service.StopAsync(gitspace.Id, null, CancellationToken.None);
        var stopReturned = DateTimeOffset.UtcNow;
        var requests = standIn.Requests.Count - before;
        var runningAt = standIn.LastEntered(gitspace.Id, "running")!.Value;
        var stoppedAt = standIn.LastEntered(gitspace.Id, "stopped")!.Value;
        await service.DeleteAsync(gitspace.Id, null, CancellationToken.None);

        return new Sample(
            StartLag: (createReturned - runningAt).TotalMilliseconds,
            StopLag: (stopReturned - stoppedAt).TotalMilliseconds,
            FirstEvent: ((observer.FirstEvent ?? createReturned) - startedAt).TotalMilliseconds,
            FirstLog: ((observer.FirstLog ?? createReturned) - startedAt).TotalMilliseconds,
            Requests: requests);
    }
    finally
    {
        Directory.Delete(home, recursive: true);
    }
}

internal sealed record Sample(double StartLag, double StopLag, double FirstEvent, double FirstLog, int Requests);

internal sealed class FirstSeen : IGitspaceObserver
{
    public DateTimeOffset? FirstEvent { get; private set; }

    public DateTimeOffset? FirstLog { get; private set; }

    public void OnChanged(Gitspace gitspace)
    {
    }

    public void OnEvent(string gitspaceId, GitspaceEvent gitspaceEvent) => this.FirstEvent ??= DateTimeOffset.UtcNow;

    public void OnLog(string gitspaceId, LogLine line) => this.FirstLog ??= DateTimeOffset.UtcNow;
}
