using Gitspaces.Core.Errors;
using Gitspaces.Core.State;
using Gitspaces.Core.Tests.Fakes;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Core.Tests;

/// <summary>The service's own rules (validation, names, routing, locks, history), with fake providers: no engine, no control plane.</summary>
public sealed class GitspaceServiceTests
{
    private readonly StatePaths paths = NewPaths();

    [Fact]
    public async Task Create_goes_to_the_named_provider_and_the_first_is_the_default()
    {
        var first = new FakeProvider("first");
        var second = new FakeProvider("second");
        var service = new GitspaceService([first, second], this.paths);

        var byDefault = await service.CreateAsync(Create("https://example.test/org/app.git"), null, CancellationToken.None);
        var named = await service.CreateAsync(Create("https://example.test/org/lib.git") with { Provider = "second" }, null, CancellationToken.None);

        Assert.Equal("first", byDefault.Provider);
        Assert.Equal("second", named.Provider);
        Assert.True(second.Gitspaces.ContainsKey(named.Id));
        Assert.False(first.Gitspaces.ContainsKey(named.Id));
    }

    [Theory]
    [InlineData("nope", null, null, null, "$.provider")]
    [InlineData(null, "", null, null, "$.repository.url")]
    [InlineData(null, "https://example.test/a.git", "notepad", null, "$.ide")]
    [InlineData(null, "https://example.test/a.git", null, "Not_A_Name", "$.name")]
    public async Task Bad_create_params_name_the_field_and_reach_no_provider(string? provider, string? url, string? ide, string? name, string field)
    {
        var fake = new FakeProvider();
        var service = new GitspaceService([fake], this.paths);

        var error = await Assert.ThrowsAsync<GitspaceException>(() => service.CreateAsync(
            new CreateGitspaceParams { Repository = new RepositorySource { Url = url ?? "https://example.test/a.git" }, Provider = provider, Ide = ide, Name = name },
            null,
            CancellationToken.None));

        Assert.Equal(ErrorCodes.InvalidParams, error.Code);
        Assert.Equal(field, error.Details.Field);
        Assert.DoesNotContain(fake.Calls, c => c.StartsWith("create", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_derived_name_takes_the_next_free_suffix()
    {
        var fake = new FakeProvider();
        fake.Seed("app");
        fake.Seed("app-2");
        var service = new GitspaceService([fake], this.paths);

        var created = await service.CreateAsync(Create("https://example.test/org/app.git"), null, CancellationToken.None);

        Assert.Equal("app-3", created.Id);
    }

    [Fact]
    public async Task A_suffix_never_makes_a_name_longer_than_allowed()
    {
        var fake = new FakeProvider();
        var longName = new string('a', GitspaceNames.MaxLength);
        fake.Seed(longName);
        var service = new GitspaceService([fake], this.paths);

        var created = await service.CreateAsync(Create($"https://example.test/org/{longName}.git"), null, CancellationToken.None);

        Assert.Equal(new string('a', GitspaceNames.MaxLength - 2) + "-2", created.Id);
        Assert.Null(GitspaceNames.Validate(created.Id));
    }

    [Fact]
    public async Task A_second_operation_on_a_busy_gitspace_is_refused_and_the_first_goes_on()
    {
        var fake = new FakeProvider();
        fake.Seed("busy", GitspaceState.Running);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fake.During = async (operation, _, _) =>
        {
            if (operation == "stop")
            {
                entered.TrySetResult();
                await release.Task;
            }
        };
        var service = new GitspaceService([fake], this.paths);

        var stopping = service.StopAsync("busy", null, CancellationToken.None);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAsync<GitspaceException>(() => service.RebuildAsync("busy", null, CancellationToken.None));
        release.SetResult();
        var stopped = await stopping;

        Assert.Equal(ErrorCodes.GitspaceBusy, error.Code);
        Assert.Equal("running", error.Details.State);
        Assert.Equal(GitspaceState.Stopped, stopped.State);
        Assert.DoesNotContain("rebuild busy", fake.Calls);

        // The lock went with the operation.
        Assert.Equal(GitspaceState.Running, (await service.StartAsync("busy", null, CancellationToken.None)).State);
    }

    [Fact]
    public async Task The_lock_is_held_across_processes_through_the_state_directory()
    {
        var fake = new FakeProvider();
        fake.Seed("shared");
        var service = new GitspaceService([fake], this.paths);
        using var otherProcess = GitspaceLock.TryAcquire(this.paths, fake.Id, "shared");
        Assert.NotNull(otherProcess);

        var error = await Assert.ThrowsAsync<GitspaceException>(() => service.StopAsync("shared", null, CancellationToken.None));

        Assert.Equal(ErrorCodes.GitspaceBusy, error.Code);
    }

    [Fact]
    public async Task An_unknown_gitspace_is_not_found_but_an_unanswering_provider_says_so_instead()
    {
        var answering = new FakeProvider("answering");
        var down = new FakeProvider("down") { FindFails = GitspaceException.ProviderUnavailable("down", "The control plane does not answer.") };
        var service = new GitspaceService([answering], this.paths);
        var both = new GitspaceService([answering, down], this.paths);

        var notFound = await Assert.ThrowsAsync<GitspaceException>(() => service.GetAsync("ghost", CancellationToken.None));
        var unsure = await Assert.ThrowsAsync<GitspaceException>(() => both.GetAsync("ghost", CancellationToken.None));

        Assert.Equal(ErrorCodes.GitspaceNotFound, notFound.Code);
        Assert.Equal(ErrorCodes.ProviderUnavailable, unsure.Code);
    }

    [Fact]
    public async Task A_gitspace_is_found_on_whichever_provider_has_it_and_then_asked_there_first()
    {
        var first = new FakeProvider("first");
        var second = new FakeProvider("second");
        second.Seed("elsewhere");
        var service = new GitspaceService([first, second], this.paths);

        await service.GetAsync("elsewhere", CancellationToken.None);
        var asksOfFirst = first.Calls.Count;
        var again = await service.GetAsync("elsewhere", CancellationToken.None);

        Assert.Equal("second", again.Provider);
        Assert.Equal(asksOfFirst, first.Calls.Count);
    }

    [Fact]
    public async Task Unconfigured_providers_are_not_asked_or_listed()
    {
        var configured = new FakeProvider("configured");
        configured.Seed("mine");
        var unconfigured = new FakeProvider("unconfigured") { Configured = false };
        unconfigured.Seed("theirs");
        var service = new GitspaceService([configured, unconfigured], this.paths);

        var list = await service.ListAsync(null, CancellationToken.None);

        Assert.Equal(["mine"], list.Gitspaces.Select(g => g.Id));
        await Assert.ThrowsAsync<GitspaceException>(() => service.GetAsync("theirs", CancellationToken.None));
        Assert.Empty(unconfigured.Calls);
    }

    [Fact]
    public async Task History_is_kept_here_for_a_provider_without_its_own_and_removed_with_the_gitspace()
    {
        var fake = new FakeProvider();
        var observer = new RecordingObserver();
        var service = new GitspaceService([fake], this.paths);
        using var subscription = service.Subscribe(observer);

        var created = await service.CreateAsync(Create("https://example.test/org/kept.git"), null, CancellationToken.None);
        var events = await service.GetEventsAsync(created.Id, CancellationToken.None);
        var log = await service.GetLogsAsync(created.Id, 0, 100, CancellationToken.None);

        Assert.Equal([EventTypes.ActionStart, EventTypes.ActionStartCompleted], events.Select(e => e.Type));
        Assert.Equal(["cloning https://example.test/org/kept.git"], log.Lines.Select(l => l.Line));
        Assert.Equal(2, observer.Events.Count);
        Assert.Equal(GitspaceState.Running, observer.Changes.Last().State);

        await service.DeleteAsync(created.Id, null, CancellationToken.None);

        Assert.False(Directory.Exists(this.paths.GitspaceDirectoryPath(fake.Id, created.Id)));
        Assert.Equal(GitspaceState.Deleted, observer.Changes.Last().State);
    }

    [Fact]
    public async Task A_provider_with_its_own_history_is_read_there_and_nothing_of_its_operations_is_kept_here()
    {
        var plane = new HistoryKeepingProvider();
        var service = new GitspaceService([plane], this.paths);
        var observer = new RecordingObserver();
        using var subscription = service.Subscribe(observer);

        var created = await service.CreateAsync(Create("https://example.test/org/remote.git"), null, CancellationToken.None);
        var events = await service.GetEventsAsync(created.Id, CancellationToken.None);
        var log = await service.GetLogsAsync(created.Id, 0, 100, CancellationToken.None);

        Assert.Equal(["from the control plane"], events.Select(e => e.Message));
        Assert.Equal(["control plane log"], log.Lines.Select(l => l.Line));
        Assert.False(Directory.Exists(this.paths.GitspaceDirectoryPath(plane.Id, created.Id)));

        // Clients still heard every step as it happened.
        Assert.Equal(2, observer.Events.Count);
        Assert.Single(observer.Logs);
    }

    [Fact]
    public async Task A_provider_that_keeps_no_log_has_its_journal_lines_served_as_the_log()
    {
        var plane = new HistoryKeepingProvider { KeepsLog = false };
        plane.During = (_, id, context) =>
        {
            context.Journal.WriteLog(id, "stdout", "streamed and then forgotten by the server", DateTimeOffset.UnixEpoch);
            return Task.CompletedTask;
        };
        var service = new GitspaceService([plane], this.paths);

        var created = await service.CreateAsync(Create("https://example.test/org/oss.git"), null, CancellationToken.None);
        var log = await service.GetLogsAsync(created.Id, 0, 100, CancellationToken.None);

        var line = Assert.Single(log.Lines);
        Assert.Equal("streamed and then forgotten by the server", line.Line);
        Assert.Equal(DateTimeOffset.UnixEpoch, line.Time);
    }

    [Fact]
    public async Task The_journal_records_and_tells_clients_after_the_operation_returned_and_released_its_lock()
    {
        var background = new BackgroundProvider();
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        background.During = (operation, id, context) =>
        {
            var journal = context.Journal;
            background.Work[id] = Task.Run(async () =>
            {
                await finish.Task;
                journal.RecordEvent(id, EventTypes.LifecycleCommandCompleted, "postCreateCommand ran");
                journal.WriteLog(id, "stdout", "installed");
                journal.Changed(background.Gitspaces[id] with { Readiness = GitspaceReadiness.Ready });
            });
            return Task.CompletedTask;
        };
        var service = new GitspaceService([background], this.paths);
        var observer = new RecordingObserver();
        using var subscription = service.Subscribe(observer);

        var created = await service.CreateAsync(Create("https://example.test/org/later.git"), null, CancellationToken.None);
        var drained = service.DrainBackgroundWorkAsync(created.Id);
        Assert.False(drained.IsCompleted);

        // The operation is over: its lock is free while the work goes on.
        using (var free = GitspaceLock.TryAcquire(this.paths, background.Id, created.Id))
        {
            Assert.NotNull(free);
        }

        finish.SetResult();
        await drained.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains(await service.GetEventsAsync(created.Id, CancellationToken.None), e => e.Message == "postCreateCommand ran");
        Assert.Contains((await service.GetLogsAsync(created.Id, 0, 100, CancellationToken.None)).Lines, l => l.Line == "installed");
        Assert.Contains(observer.Events, e => e.Event.Message == "postCreateCommand ran");
        Assert.Equal(GitspaceReadiness.Ready, observer.Changes.Last().Readiness);
    }

    [Fact]
    public async Task A_cancelled_drain_stops_the_work_and_leaves_the_message_in_the_history()
    {
        var background = new BackgroundProvider();
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        background.During = (operation, id, context) =>
        {
            background.Work[id] = never.Task;
            return Task.CompletedTask;
        };
        var service = new GitspaceService([background], this.paths);
        var created = await service.CreateAsync(Create("https://example.test/org/endless.git"), null, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var drained = service.DrainBackgroundWorkAsync(created.Id, "The create was cancelled.", cancel.Token);
        Assert.False(drained.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => drained.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("The create was cancelled.", background.Cancelled[created.Id]);
        Assert.Contains(await service.GetEventsAsync(created.Id, CancellationToken.None), e => e.Message == "The create was cancelled.");
    }

    [Fact]
    public async Task A_drain_that_finishes_is_not_cancelled()
    {
        var background = new BackgroundProvider();
        var service = new GitspaceService([background], this.paths);
        var created = await service.CreateAsync(Create("https://example.test/org/quick.git"), null, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        await service.DrainBackgroundWorkAsync(created.Id, "The create was cancelled.", cancel.Token).WaitAsync(TimeSpan.FromSeconds(10));
        await cancel.CancelAsync();

        Assert.Empty(background.Cancelled);
    }

    [Fact]
    public async Task Draining_with_no_background_work_completes_at_once()
    {
        var service = new GitspaceService([new FakeProvider(), new BackgroundProvider()], this.paths);

        await service.DrainBackgroundWorkAsync(null).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task What_a_watcher_reports_reaches_clients_and_history_and_routes_the_gitspace()
    {
        var first = new FakeProvider("first");
        var watched = new FakeProvider("watched");
        var changed = watched.Seed("outside", GitspaceState.Stopped);
        watched.OnWatch = journal =>
        {
            journal.RecordEvent("outside", EventTypes.GitspaceChangedExternally, "stopped with the docker CLI", DateTimeOffset.UnixEpoch);
            journal.Changed(changed);
        };
        var service = new GitspaceService([first, watched], this.paths);
        var observer = new RecordingObserver();
        using var subscription = service.Subscribe(observer);
        using var stop = new CancellationTokenSource();

        var watching = service.WatchAsync(stop.Token);
        await stop.CancelAsync();
        await watching.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("outside", Assert.Single(observer.Changes).Id);
        var recorded = Assert.Single(await service.GetEventsAsync("outside", CancellationToken.None));
        Assert.Equal(DateTimeOffset.UnixEpoch, recorded.Timestamp);
        Assert.DoesNotContain(first.Calls, c => c == "find outside");
    }

    [Fact]
    public async Task Providers_advertise_the_capabilities_they_implement()
    {
        var service = new GitspaceService([new FakeProvider(), new HistoryKeepingProvider(), new BackgroundProvider(), new ChannelProvider()], this.paths);

        var described = await service.ListProvidersAsync(false, CancellationToken.None);
        var configured = await service.ConfigureProviderAsync(new ConfigureProviderParams { Provider = "channels" }, CancellationToken.None);

        Assert.Equal(
            [[], [ProviderCapabilities.ProviderHistory], [ProviderCapabilities.BackgroundWork], [ProviderCapabilities.SshChannel, ProviderCapabilities.PortChannel]],
            described.Select(p => p.Capabilities!.ToArray()));
        Assert.Equal([ProviderCapabilities.SshChannel, ProviderCapabilities.PortChannel], configured.Capabilities);
    }

    [Fact]
    public async Task A_port_channel_comes_from_the_gitspaces_provider_and_others_say_NotSupported_with_a_hint()
    {
        var plain = new FakeProvider("plain");
        var channels = new ChannelProvider();
        plain.Seed("hosted");
        channels.Seed("local");
        var service = new GitspaceService([plain, channels], this.paths);

        var (gitspace, channel, journal) = await service.GetPortChannelAsync("local", CancellationToken.None);
        Assert.Equal("local", gitspace.Id);
        Assert.Same(channels, channel);
        journal.RecordEvent("local", EventTypes.PortForwarded, "Forwarding 127.0.0.1:3000 to port 3000 (cli).", DateTimeOffset.UnixEpoch);
        Assert.Contains(await service.GetEventsAsync("local", CancellationToken.None), e => e.Type == EventTypes.PortForwarded);

        var refused = await Assert.ThrowsAsync<GitspaceException>(() => service.GetPortChannelAsync("hosted", CancellationToken.None));
        Assert.Equal(ErrorCodes.NotSupported, refused.Code);
        Assert.Equal("plain", refused.Details.Provider);
        Assert.Contains("SSH", refused.Details.Hint, StringComparison.Ordinal);
    }

    private static CreateGitspaceParams Create(string url) => new() { Repository = new RepositorySource { Url = url } };

    private static StatePaths NewPaths()
    {
        var root = TempDirectory.Create("core");
        return new StatePaths(Path.Combine(root, "data"), Path.Combine(root, "config"));
    }
}
