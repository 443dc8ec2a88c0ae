using Gitspaces.Protocol;

namespace Gitspaces.Providers.Harness.Tests;

/// <summary>The watch loop against the stand-in: what it notices, what it asks for, and how it slows down.</summary>
public sealed class HarnessWatcherTests
{
    private static readonly HarnessProviderOptions Watching = HarnessTestBed.FastOptions with
    {
        WatchInterval = TimeSpan.FromMilliseconds(50),
        WatchIdleInterval = TimeSpan.FromMilliseconds(50),
        WatchFullListInterval = TimeSpan.FromHours(1),
    };

    [Fact]
    public async Task An_auto_stop_shows_as_a_change_and_its_event_with_the_control_planes_message()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde, options: Watching);
        var id = bed.StandIn.Seed("idle", state: "running");
        var observer = new RecordingObserver();
        using var subscription = bed.Service.Subscribe(observer);
        using var stop = new CancellationTokenSource();
        var listed = bed.StandIn.Requests.Count;
        var watching = bed.Service.WatchAsync(stop.Token);

        await WaitUntilAsync(() => bed.StandIn.Requests.Count > listed);
        bed.StandIn.AutoStop(id);
        await WaitUntilAsync(() => observer.Changes.Any(c => c.Id == id && c.State == GitspaceState.Stopped));
        await stop.CancelAsync();
        await watching.WaitAsync(TimeSpan.FromSeconds(10));

        var autoStop = Assert.Single(observer.Events, e => e.Event.Type == EventTypes.GitspaceActionAutoStop);
        Assert.Equal(id, autoStop.Id);
        Assert.Equal("Auto-stopping Gitspace due to inactivity...", autoStop.Event.Message);
        Assert.Contains(observer.Events, e => e.Event.Type == EventTypes.ActionStopCompleted);
        Assert.Equal(observer.EventTypes.Count, observer.EventTypes.Distinct().Count());
    }

    [Fact]
    public async Task Between_full_listings_it_asks_only_for_the_active_gitspaces_and_reads_the_ones_that_left_them()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Oss, options: Watching);
        for (var i = 0; i < 120; i++)
        {
            bed.StandIn.Seed($"parked-{i:000}", state: "stopped");
        }

        var running = bed.StandIn.Seed("busy", state: "running");
        var parked = bed.StandIn.Seed("woken", state: "stopped");
        var observer = new RecordingObserver();
        using var subscription = bed.Service.Subscribe(observer);
        using var stop = new CancellationTokenSource();
        var watching = bed.Service.WatchAsync(stop.Token);

        await WaitUntilAsync(() => ActiveListings(bed) >= 1);
        bed.StandIn.SetInstanceState(running, "stopped");
        bed.StandIn.SetInstanceState(parked, "running");
        await WaitUntilAsync(() => observer.Changes.Any(c => c.Id == running && c.State == GitspaceState.Stopped) && observer.Changes.Any(c => c.Id == parked && c.State == GitspaceState.Running));
        await WaitUntilAsync(() => ActiveListings(bed) >= 3);
        await stop.CancelAsync();
        await watching.WaitAsync(TimeSpan.FromSeconds(10));

        var listings = bed.StandIn.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/gitspaces", StringComparison.Ordinal)).ToList();
        var full = listings.Where(r => !r.Query.Contains("gitspace_states", StringComparison.Ordinal) && r.Query.Contains("limit=50", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, full.Count); // the baseline: 122 gitspaces in three pages, once
        Assert.All(listings.Except(full).Where(r => r.Query.Contains("limit=50", StringComparison.Ordinal)), r => Assert.Contains("gitspace_states=running&gitspace_states=error", r.Query, StringComparison.Ordinal));
        Assert.Contains(bed.StandIn.Requests, r => r.Method == "GET" && r.Path.EndsWith($"/{running}/+", StringComparison.Ordinal));
        Assert.DoesNotContain(bed.StandIn.Requests, r => r.Path.Contains("parked-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_running_gitspace_deleted_elsewhere_is_reported_deleted()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde, options: Watching);
        var id = bed.StandIn.Seed("doomed", state: "stopped");
        var observer = new RecordingObserver();
        using var subscription = bed.Service.Subscribe(observer);
        using var stop = new CancellationTokenSource();
        var watching = bed.Service.WatchAsync(stop.Token);

        await WaitUntilAsync(() => ActiveListings(bed) >= 1);
        bed.StandIn.SetInstanceState(id, "running");
        await WaitUntilAsync(() => observer.Changes.Any(c => c.Id == id && c.State == GitspaceState.Running));
        await bed.Provider.CreateClient().DeleteGitspaceAsync(id, CancellationToken.None);
        await WaitUntilAsync(() => observer.Changes.Any(c => c.Id == id && c.State == GitspaceState.Deleted));
        await stop.CancelAsync();
        await watching.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(bed.StandIn.StateOf(id));
    }

    [Fact]
    public void It_slows_down_while_nothing_changes_and_nobody_asks_and_is_quick_again_after()
    {
        var options = new HarnessProviderOptions { WatchInterval = TimeSpan.FromSeconds(15), WatchIdleInterval = TimeSpan.FromMinutes(2) };

        var idle = new List<TimeSpan> { options.WatchInterval };
        for (var i = 0; i < 5; i++)
        {
            idle.Add(HarnessWatcher.NextDelay(idle[^1], changed: false, inUse: false, failed: false, options));
        }

        Assert.Equal([15, 30, 60, 120, 120, 120], idle.Select(d => d.TotalSeconds));
        Assert.Equal(options.WatchInterval, HarnessWatcher.NextDelay(TimeSpan.FromMinutes(2), changed: true, inUse: false, failed: false, options));
        Assert.Equal(options.WatchInterval, HarnessWatcher.NextDelay(TimeSpan.FromMinutes(2), changed: false, inUse: true, failed: false, options));
        Assert.Equal(TimeSpan.FromMinutes(4), HarnessWatcher.NextDelay(TimeSpan.FromMinutes(2), changed: false, inUse: true, failed: true, options));
        Assert.Equal(TimeSpan.FromMinutes(5), HarnessWatcher.NextDelay(TimeSpan.FromMinutes(4), changed: false, inUse: false, failed: true, options));
    }

    private static int ActiveListings(HarnessTestBed bed) =>
        bed.StandIn.Requests.Count(r => r.Method == "GET" && r.Query.Contains("gitspace_states=running", StringComparison.Ordinal));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
