using System.Globalization;
using Gitspaces.Core;
using Gitspaces.Core.State;
using Gitspaces.Protocol;
using Gitspaces.Providers.Harness;
using Gitspaces.Providers.Harness.Tests.StandIn;

/// <summary>
/// What watching costs the control plane: requests during a quiet stretch (nothing changes, no client asks), for the
/// watcher as it was (every gitspace listed each tick) and as it is (active list between rare full listings, backing
/// off while idle). Time is scaled: one tick stands for the real 15 s.
/// </summary>
internal static class WatchBench
{
    public static async Task RunAsync(string[] args)
    {
        var gitspaces = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var running = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var tick = TimeSpan.FromMilliseconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100);
        const int ticks = 60; // 15 minutes of real time at 15 s a tick
        var policies = new (string Name, HarnessProviderOptions Options)[]
        {
            ("full list every tick (before)", new HarnessProviderOptions { WatchInterval = tick, WatchIdleInterval = tick, WatchFullListInterval = TimeSpan.Zero, WatchIdleAfter = TimeSpan.FromHours(1) }),
            ("active list, full every 20 ticks, idle back-off (now)", new HarnessProviderOptions { WatchInterval = tick, WatchIdleInterval = tick * 8, WatchFullListInterval = tick * 20, WatchIdleAfter = tick * 8 }),
            ("same, a client in use all along", new HarnessProviderOptions { WatchInterval = tick, WatchIdleInterval = tick * 8, WatchFullListInterval = tick * 20, WatchIdleAfter = TimeSpan.FromHours(1) }),
        };

        Console.WriteLine($"{gitspaces} gitspaces ({running} running), {ticks} ticks of {tick.TotalMilliseconds} ms standing for 15 s each (15 minutes)");
        Console.WriteLine($"{"policy",-56} {"requests",9} {"list pages",11} {"gitspace reads",15}");
        foreach (var (name, options) in policies)
        {
            await using var standIn = await HarnessStandIn.StartAsync("bench-token");
            for (var i = 0; i < gitspaces; i++)
            {
                standIn.Seed($"g{i:000}", state: i < running ? "running" : "stopped");
            }

            var home = Directory.CreateTempSubdirectory("gitspaces-harness-watch-").FullName;
            try
            {
                var paths = new StatePaths(home, Path.Combine(home, "config"));
                using var provider = new HarnessProvider(paths, options, _ => null);
                await provider.ConfigureAsync(new ConfigureProviderParams { Provider = "harness", Endpoint = standIn.BaseAddress.ToString(), Flavour = "cde", AccountIdentifier = HarnessStandIn.Account, OrgIdentifier = HarnessStandIn.Org, ProjectIdentifier = HarnessStandIn.Project, Token = "bench-token" }, CancellationToken.None);
                var service = new GitspaceService([provider], paths);
                var before = standIn.Requests.Count;
                using var stop = new CancellationTokenSource(tick * ticks);
                await service.WatchAsync(stop.Token);
                var requests = standIn.Requests.Skip(before).ToList();
                var pages = requests.Count(r => r.Path.EndsWith("/gitspaces", StringComparison.Ordinal));
                Console.WriteLine($"{name,-56} {requests.Count,9} {pages,11} {requests.Count - pages,15}");
            }
            finally
            {
                Directory.Delete(home, recursive: true);
            }
        }
    }
}
