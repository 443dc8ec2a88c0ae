using Gitspaces.Core;
using Gitspaces.Core.Errors;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Harness.Tests;

/// <summary>The provider driven the way clients drive it: through <see cref="GitspaceService"/>, with an observer standing for the RPC notifications.</summary>
public sealed class HarnessProviderTests
{
    public static TheoryData<HarnessFlavour> Flavours => [HarnessFlavour.Cde, HarnessFlavour.Oss];

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task Create_runs_stop_and_delete_stream_states_events_and_logs_to_observers(HarnessFlavour flavour)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);
        var (service, observer) = (bed.Service, bed.Observer);
        var progress = new List<string>();

        var created = await service.CreateAsync(
            new CreateGitspaceParams { Provider = "harness", Repository = new RepositorySource { Url = "https://github.com/acme/shop.git" }, Ide = Ides.VsCode },
            new Progress<Core.Operations.OperationProgress>(p => progress.Add(p.Message)),
            CancellationToken.None);

        Assert.Equal(GitspaceState.Running, created.State);
        Assert.Equal(GitspaceReadiness.Ready, created.Readiness);
        Assert.StartsWith("shop-", created.Id, StringComparison.Ordinal);
        Assert.Equal("harness", created.Provider);
        Assert.Equal("trunk", created.Repository.Branch);
        Assert.Equal("/home/harness/shop", created.WorkspaceFolder);
        Assert.Equal("running", bed.StandIn.StateOf(created.Id));
        Assert.Equal(GitspaceState.Uninitialized, observer.States[0]);
        Assert.Contains(GitspaceState.Starting, observer.States);
        Assert.Equal(GitspaceState.Running, observer.States[^1]);
        Assert.Equal(bed.StandIn.EventTypesOf(created.Id), observer.EventTypes);
        Assert.Equal("gitspace_action_start", observer.EventTypes[0]);
        Assert.Equal("gitspace_action_start_completed", observer.EventTypes[^1]);
        Assert.Contains("INFO: Cloning https://github.com/acme/shop.git into /home/harness/shop", observer.LogLines);
        Assert.Equal("INFO: Gitspace is ready", observer.LogLines[^1]);
        Assert.All(observer.Events, e => Assert.Equal(created.Id, e.Id));
        Assert.Contains("Setting up Gitspace container...", progress);

        var eventsBeforeStop = observer.Events.Count;
        var stopped = await service.StopAsync(created.Id, null, CancellationToken.None);
        Assert.Equal(GitspaceState.Stopped, stopped.State);
        Assert.Equal(
            ["gitspace_action_stop", "agent_connect_start", "agent_connect_completed", "agent_gitspace_stop_start", "agent_gitspace_stop_completed", "infra_stop_start", "infra_stop_completed", "gitspace_action_stop_completed"],
            observer.EventTypes.Skip(eventsBeforeStop));
        Assert.Equal(GitspaceState.Stopped, observer.States[^1]);

        var history = await service.GetEventsAsync(created.Id, CancellationToken.None);
        Assert.Equal(bed.StandIn.EventTypesOf(created.Id), history.Select(e => e.Type));
        Assert.True(history.Zip(history.Skip(1)).All(pair => pair.First.Timestamp <= pair.Second.Timestamp), "events are oldest first");
        var log = await service.GetLogsAsync(created.Id, 0, 100, CancellationToken.None);
        Assert.Contains(log.Lines, l => l.Line == "INFO: Stopping container gitspace-harness-" + created.Id);
        Assert.Equal(log.Lines.Count, log.Next);

        var deleted = await service.DeleteAsync(created.Id, null, CancellationToken.None);
        Assert.True(deleted.Deleted);
        Assert.Null(bed.StandIn.StateOf(created.Id));
        Assert.Equal(GitspaceState.Deleted, observer.States[^1]);
        Assert.Empty(await service.ListAsync("harness", CancellationToken.None) is { } list ? list.Gitspaces : []);

        // Nothing of it is left in the state directory: no history folder, no lock file.
        Assert.False(Directory.Exists(bed.Paths.GitspaceDirectoryPath("harness", created.Id)));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(bed.Paths.DataDirectory, "locks", "harness")));
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task Delete_ends_well_when_the_gitspace_vanishes_between_reading_it_and_reading_its_events(HarnessFlavour flavour)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);
        var id = bed.StandIn.Seed("vanishing", state: "running");

        // The first events read (before the delete) goes through; the next finds the gitspace gone.
        bed.StandIn.Fail("GET", "/events", 404, """{"message":"Failed to find gitspace config: resource not found"}""", skip: 1);
        var deleted = await bed.Service.DeleteAsync(id, null, CancellationToken.None);

        Assert.True(deleted.Deleted);
        Assert.Contains(bed.StandIn.Requests, r => r.Path.Contains("/events", StringComparison.Ordinal) && r.Status == 404);
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task A_free_display_name_is_kept_and_the_identifier_derived_from_it(HarnessFlavour flavour)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);

        var created = await bed.Service.CreateAsync(new CreateGitspaceParams { Provider = "harness", Name = "Shop – Q3 redesign (v2)", Repository = new RepositorySource { Url = "https://github.com/acme/shop.git", Branch = "main" } }, null, CancellationToken.None);
        var listed = Assert.Single((await bed.Service.ListAsync("harness", CancellationToken.None)).Gitspaces);

        Assert.Matches("^shop-q3-redesign-v2-[a-z0-9]{6}$", created.Id);
        Assert.Equal("Shop – Q3 redesign (v2)", created.Name);
        Assert.Equal("Shop – Q3 redesign (v2)", listed.Name);
        Assert.Contains(ProviderCapabilities.DisplayNames, (await bed.Service.ListProvidersAsync(false, CancellationToken.None)).Single().Capabilities!);
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task Create_sends_what_the_real_web_ui_sends(HarnessFlavour flavour)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);

        await bed.Service.CreateAsync(new CreateGitspaceParams { Provider = "harness", Repository = new RepositorySource { Url = "https://github.com/acme/shop.git" }, Resource = new ResourceSpec { Region = flavour == HarnessFlavour.Cde ? "us-east" : null } }, null, CancellationToken.None);

        var create = bed.StandIn.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith("/gitspaces", StringComparison.Ordinal));
        var body = System.Text.Json.Nodes.JsonNode.Parse(create.Body!)!.AsObject();
        Assert.Equal(flavour == HarnessFlavour.Cde ? "acct1/org1/proj1" : "myspace", body["space_ref"]!.GetValue<string>());
        Assert.False(body.ContainsKey("metadata"), "no server reads metadata");
        if (flavour == HarnessFlavour.Cde)
        {
            // Every hosted request names the account for the gateway's routing, as the web UI's do.
            Assert.All(bed.StandIn.Requests, r => Assert.Contains("routingId=acct1", r.Query, StringComparison.Ordinal));
            Assert.Equal("standard-east", body["resource_identifier"]!.GetValue<string>());
        }
        else
        {
            Assert.All(bed.StandIn.Requests, r => Assert.DoesNotContain("routingId", r.Query, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_hosted_gitspace_without_a_log_yet_starts_stops_rebuilds_and_deletes()
    {
        // The hosted logs endpoint answers JSON null until an instance has written a line; every operation reads the
        // log before it acts, so a null must read as "no log yet", not as a broken control plane.
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde);
        var service = bed.Service;
        var fresh = bed.StandIn.Seed("fresh");
        var quiet = bed.StandIn.Seed("quiet", state: "running");

        Assert.Null(await bed.Provider.CreateClient().GetLogsAsync(fresh, CancellationToken.None));
        Assert.Empty((await service.GetLogsAsync(fresh, 0, 100, CancellationToken.None)).Lines);
        Assert.Equal(GitspaceState.Running, (await service.StartAsync(fresh, null, CancellationToken.None)).State);
        Assert.Equal(GitspaceState.Stopped, (await service.StopAsync(quiet, null, CancellationToken.None)).State);
        Assert.Equal(GitspaceState.Running, (await service.RebuildAsync(quiet, null, CancellationToken.None)).State);
        Assert.True((await service.DeleteAsync(quiet, null, CancellationToken.None)).Deleted);
        Assert.Contains(bed.StandIn.Requests, r => r.Path.EndsWith("/logs", StringComparison.Ordinal) && r.Status == 200);
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task Deleting_a_gitspace_in_error_follows_the_teardown_until_it_is_gone(HarnessFlavour flavour)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);
        var (service, observer) = (bed.Service, bed.Observer);
        var id = bed.StandIn.Seed("broken", state: "error");

        var deleted = await service.DeleteAsync(id, null, CancellationToken.None);

        Assert.True(deleted.Deleted);
        Assert.Null(bed.StandIn.StateOf(id));

        // The control plane kept answering the old state after the DELETE; the provider reported it as being deleted.
        var requests = bed.StandIn.Requests.ToList();
        var deleteAt = requests.FindIndex(r => r.Method == "DELETE");
        Assert.Contains(requests.Skip(deleteAt), r => r.Method == "GET" && r.Path.Contains(id, StringComparison.Ordinal) && !r.Path.Contains("/events", StringComparison.Ordinal) && r.Status == 200);
        Assert.Equal(404, requests.Last(r => r.Method == "GET" && !r.Path.Contains("/events", StringComparison.Ordinal)).Status);
        Assert.DoesNotContain(GitspaceState.Error, observer.States);
        Assert.Contains(GitspaceState.Cleaning, observer.States);
        Assert.Equal(GitspaceState.Deleted, observer.States[^1]);
        Assert.Contains("agent_gitspace_deletion_completed", observer.EventTypes);
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task A_teardown_that_fails_on_the_control_plane_ends_in_a_timeout_that_names_the_last_state(HarnessFlavour flavour)
    {
        // A failed teardown is not final on the real server (a background job retries it), so only the deadline ends the wait.
        await using var bed = await HarnessTestBed.StartAsync(flavour, options: HarnessTestBed.FastOptions with { OperationTimeout = TimeSpan.FromSeconds(2) });
        var id = bed.StandIn.Seed("stuck", state: "running");
        bed.StandIn.FailNextDelete(id);

        var error = await Assert.ThrowsAsync<GitspaceException>(() => bed.Service.DeleteAsync(id, null, CancellationToken.None));

        Assert.Equal(ErrorCodes.OperationFailed, error.Code);
        Assert.Contains("error", error.Message, StringComparison.Ordinal);
        Assert.Contains("failed to remove container: device or resource busy", error.Message, StringComparison.Ordinal);
        Assert.Equal("error", bed.StandIn.StateOf(id));
        Assert.Contains("agent_gitspace_deletion_failed", bed.Observer.EventTypes);
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task Connect_turns_the_instance_into_ssh_details_and_editor_links(HarnessFlavour flavour)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);
        var service = bed.Service;
        var id = bed.StandIn.Seed("shop");

        // Stopped (never started): connect starts it first.
        var result = await service.ConnectAsync(id, null, null, CancellationToken.None);

        Assert.Equal(GitspaceState.Running, result.Gitspace.State);
        Assert.Equal("127.0.0.1", result.SshHost);
        Assert.Equal(2201, result.Port);
        Assert.Equal("harness", result.User);
        Assert.Equal("/home/harness/shop", result.WorkspaceFolder);
        Assert.Equal("ssh -t -p 2201 harness@127.0.0.1 'cd /home/harness/shop && exec \"$SHELL\" -l'", result.SshCommand);
        Assert.Equal("vscode-remote://ssh-remote+harness@127.0.0.1:2201/home/harness/shop", result.RemoteUri);
        Assert.Equal("vscode://vscode-remote/ssh-remote+harness@127.0.0.1:2201/home/harness/shop", result.Links.Vscode);
        Assert.Equal("cursor://vscode-remote/ssh-remote+harness@127.0.0.1:2201/home/harness/shop", result.Links.Cursor);
        Assert.Equal("jetbrains-gateway://connect#type=ssh&deploy=true&host=127.0.0.1&port=2201&user=harness&projectPath=%2Fhome%2Fharness%2Fshop&productCode=IU", result.Links.JetbrainsGateway);
        Assert.Equal("jetbrains://gateway/ssh/environment?h=127.0.0.1&p=2201&u=harness&launchIde=true&ideHint=IU&projectHint=%2Fhome%2Fharness%2Fshop", result.Links.JetbrainsToolbox);
        Assert.Null(result.Links.Web);

        var gateway = await service.ConnectAsync(id, Ides.GoLand, null, CancellationToken.None);
        Assert.Equal("jetbrains-gateway://connect#type=ssh&deploy=true&host=127.0.0.1&port=2201&user=harness&projectPath=%2Fhome%2Fharness%2Fshop&productCode=GO", gateway.Links.JetbrainsGateway);
    }

    [Fact]
    public async Task Connect_to_a_hosted_web_ide_adds_the_gateway_token_to_the_web_link()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde);
        var service = bed.Service;
        var created = await service.CreateAsync(
            new CreateGitspaceParams { Provider = "harness", Repository = new RepositorySource { Url = "https://github.com/acme/site.git", Branch = "dev" }, Ide = Ides.VsCodeWeb },
            null,
            CancellationToken.None);

        var result = await service.ConnectAsync(created.Id, null, null, CancellationToken.None);

        Assert.Equal("dev", created.Repository.Branch);
        Assert.Equal($"http://127.0.0.1:8089?folder=/home/harness/site&token=jwt-for-{created.Id}", result.Links.Web);
    }

    /// <summary>Each flavour, with the failure landing after the start or between the provider's read of the gitspace and of its events.</summary>
    public static TheoryData<HarnessFlavour, bool> FlavoursAndRaces => new() { { HarnessFlavour.Cde, false }, { HarnessFlavour.Oss, false }, { HarnessFlavour.Cde, true }, { HarnessFlavour.Oss, true } };

    [Theory]
    [MemberData(nameof(FlavoursAndRaces))]
    public async Task A_failed_start_is_OperationFailed_with_the_step_the_reason_and_the_log_tail(HarnessFlavour flavour, bool failureBetweenReads)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);
        var (service, observer) = (bed.Service, bed.Observer);
        var id = bed.StandIn.Seed("broken");
        bed.StandIn.FailNextStart(id);
        if (failureBetweenReads)
        {
            bed.StandIn.HoldNextStartingReadUntilFailed = id;
        }

        var error = await Assert.ThrowsAsync<GitspaceException>(() => service.StartAsync(id, null, CancellationToken.None));

        Assert.Null(bed.StandIn.HoldNextStartingReadUntilFailed);
        Assert.Equal(ErrorCodes.OperationFailed, error.Code);
        Assert.Equal("agent_gitspace_creation_failed", error.Details.Step);
        Assert.Contains("failed to start: postCreateCommand failed: exit status 1 (at agent_gitspace_creation_failed: Failed to set up Gitspace container)", error.Message, StringComparison.Ordinal);
        Assert.Contains("ERROR: postCreateCommand failed: exit status 1", error.Details.Log!);
        Assert.Equal(GitspaceState.Error, observer.States[^1]);
        Assert.Equal("postCreateCommand failed: exit status 1", observer.Changes.Last().ErrorMessage);
        Assert.Contains(observer.Logs, l => l.Line.Stream == "stderr" && l.Line.Line.StartsWith("ERROR:", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task Rebuild_resets_then_starts_again(HarnessFlavour flavour)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);
        var (service, observer) = (bed.Service, bed.Observer);
        var id = bed.StandIn.Seed("rebuilt", state: "running");

        var rebuilt = await service.RebuildAsync(id, null, CancellationToken.None);

        Assert.Equal(GitspaceState.Running, rebuilt.State);
        var types = observer.EventTypes;
        Assert.True(types.ToList().IndexOf("gitspace_action_reset_completed") < types.ToList().IndexOf("gitspace_action_start"), string.Join(", ", types));
        Assert.Equal("gitspace_action_start_completed", types[^1]);
        Assert.Contains(GitspaceState.Cleaning, observer.States);
        Assert.Contains(GitspaceState.Uninitialized, observer.States);
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task Cancelling_stops_following_and_says_what_state_the_gitspace_is_in(HarnessFlavour flavour)
    {
        // Slow steps: the start must still be under way when the provider looks after the cancellation.
        await using var bed = await HarnessTestBed.StartAsync(flavour, step: TimeSpan.FromMilliseconds(500));
        var (service, observer) = (bed.Service, bed.Observer);
        var id = bed.StandIn.Seed("cancelled");
        using var cancellation = new CancellationTokenSource();
        observer.OnFirstEvent = () => cancellation.Cancel();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.StartAsync(id, null, cancellation.Token));

        Assert.Contains($"Stopped following gitspace '{id}' (start); the control plane carries on and reports it starting.", error.Message, StringComparison.Ordinal);
        Assert.Contains(observer.Logs, l => l.Line.Stream == "system" && l.Line.Line == error.Message);
    }

    [Fact]
    public async Task A_gitspace_busy_on_the_control_plane_is_GitspaceBusy()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde);
        var service = bed.Service;
        var id = bed.StandIn.Seed("elsewhere", state: "stopping");

        var error = await Assert.ThrowsAsync<GitspaceException>(() => service.StartAsync(id, null, CancellationToken.None));

        Assert.Equal(ErrorCodes.GitspaceBusy, error.Code);
        Assert.Equal("stopping", error.Details.State);
    }

    [Fact]
    public async Task Create_picks_the_machine_by_region_and_names_the_offer_when_nothing_matches()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde);
        var service = bed.Service;
        var repository = new RepositorySource { Url = "https://github.com/acme/api.git", Branch = "main" };

        var east = await service.CreateAsync(new CreateGitspaceParams { Provider = "harness", Repository = repository, Resource = new ResourceSpec { Region = "us-east" } }, null, CancellationToken.None);
        var error = await Assert.ThrowsAsync<GitspaceException>(() => service.CreateAsync(new CreateGitspaceParams { Provider = "harness", Name = "huge", Repository = repository, Resource = new ResourceSpec { MachineType = "huge" } }, null, CancellationToken.None));

        Assert.Equal("Standard (2 CPU, 8GB) in us-east", east.Image);
        Assert.Equal(ErrorCodes.InvalidParams, error.Code);
        Assert.Equal("$.resource.machineType", error.Details.Field);
        Assert.Contains("standard (us-west), large (us-west), standard-east (us-east), m5-xlarge (eu-west-1)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(bed.StandIn.Requests, r => r.Method == "POST" && r.Path.EndsWith("/gitspaces", StringComparison.Ordinal) && r.Status != 201);
    }

    [Theory]
    [InlineData("/home/me/projects/app", "$.repository.url")]
    [InlineData("git@github.com:acme/app.git", "$.repository.url")]
    public async Task Create_refuses_a_repository_the_control_plane_cannot_clone(string url, string field)
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde);
        var service = bed.Service;

        var error = await Assert.ThrowsAsync<GitspaceException>(() => service.CreateAsync(new CreateGitspaceParams { Provider = "harness", Repository = new RepositorySource { Url = url } }, null, CancellationToken.None));

        Assert.Equal(ErrorCodes.InvalidParams, error.Code);
        Assert.Equal(field, error.Details.Field);
        Assert.DoesNotContain(bed.StandIn.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task Create_of_a_repository_the_control_plane_cannot_read_is_RepositoryUnavailable()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Oss);
        var service = bed.Service;

        var error = await Assert.ThrowsAsync<GitspaceException>(() => service.CreateAsync(new CreateGitspaceParams { Provider = "harness", Repository = new RepositorySource { Url = "https://git.example.test/acme/missing.git" } }, null, CancellationToken.None));

        Assert.Equal(ErrorCodes.RepositoryUnavailable, error.Code);
        Assert.Contains("Could not find repository", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_reports_changes_made_behind_the_sidecars_back()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde);
        var id = bed.StandIn.Seed("watched", state: "running");
        using var stop = new CancellationTokenSource();
        var listed = bed.StandIn.Requests.Count;
        var observer = new RecordingObserver();
        using var subscription = bed.Service.Subscribe(observer);
        var watching = bed.Service.WatchAsync(stop.Token);

        // Wait for the first listing (the baseline), then stop the gitspace as the auto-stop job would.
        await WaitUntilAsync(() => bed.StandIn.Requests.Count > listed);
        bed.StandIn.SetInstanceState(id, "stopped");
        await WaitUntilAsync(() => !observer.Changes.IsEmpty);
        await stop.CancelAsync();
        await watching.WaitAsync(TimeSpan.FromSeconds(10));

        var gitspace = Assert.Single(observer.Changes);
        Assert.Equal(id, gitspace.Id);
        Assert.Equal(GitspaceState.Stopped, gitspace.State);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
