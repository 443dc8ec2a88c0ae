using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gitspaces.Providers.Harness.Tests.StandIn;

/// <summary>
/// A STAND-IN for the Harness cloud (hosted CDE, app.harness.io) and the open-source Harness server, which are out
/// of reach from this machine. It is a real HTTP server (Kestrel on 127.0.0.1, a free port) that answers the way the
/// real server does: each behaviour below names the file of <c>harness/harness</c> (snapshot ad5c8768, see
/// /work/shared/reference/harness.md §8) or of its hosted API description (<c>web/src/services/cde/swagger.yaml</c>,
/// "the CDE spec") it follows. Where the stand-in is kinder than those files, a client bug hides; so it is not.
/// <list type="bullet">
/// <item>Routes: hosted <c>/gateway/cde/api/v1/accounts/{a}/orgs/{o}/projects/{p}/gitspaces[/{id}[/actions|/events|/logs|/token]]</c>,
/// <c>…/gitspaces/lookup-repo</c>, <c>/accounts/{a}/infraproviders[/{id}/resources]</c> with <c>x-api-key</c> (the CDE spec);
/// open-source <c>/api/v1/gitspaces</c>, <c>/api/v1/spaces/{space}/+/gitspaces</c>, <c>/api/v1/gitspaces/{space}/{id}/+[/actions|/events|/logs/stream]</c>,
/// <c>/api/v1/gitspaces/lookup-repo</c>, <c>/api/v1/spaces/{space}/+/infraproviders</c>, <c>/api/v1/infraproviders/{space}/{id}/+</c>
/// with a Bearer token (<c>app/router/api.go</c>; the <c>/+</c> form of <c>app/api/middleware/encode/encode.go</c>).</item>
/// <item>Errors are <c>{"message": …}</c> (<c>app/api/usererror/usererror.go</c>); 201 on create (<c>app/api/handler/gitspace/create.go</c>);
/// identifiers are the lower-cased request plus <c>-</c> and 6 random characters (<c>app/api/controller/gitspace/create.go</c> buildIdentifier);
/// <c>space_ref</c> is required on the open-source server (<c>create.go</c> sanitizeCreateInput).</item>
/// <item>Actions answer the optimistic state, refuse a busy gitspace with 403 "Last session for this gitspace is still
/// &lt;state&gt;" (<c>app/services/gitspace/actions.go</c>), and play the state machine and event sequences of
/// <c>app/gitspace/orchestrator/orchestrator_trigger.go</c> / <c>orchestrator_resume.go</c>; config state derives from the instance
/// (<c>types/gitspace.go</c> GetGitspaceState); a new instance starts when none exists or the last is final.</item>
/// <item>Delete is asynchronous (<c>app/services/gitspace/action_delete.go</c>, <c>app/services/gitspacedeleteevent/handler.go</c>): a
/// gitspace without an instance, or with an <c>uninitialized</c> one, goes at once; any other answers 204 and keeps its old
/// state (<c>error</c> included) readable until the delete handler runs, which here is after the gitspace was read once more.
/// The handler moves a running instance to <c>stopping</c>, any other to <c>cleaning</c>, tears down, then the gitspace is gone
/// (404). DELETE has no busy check (<c>app/api/controller/gitspace/delete.go</c>), and there is no delete-failed action event:
/// a failed teardown leaves the instance in <c>error</c>, still marked for deletion, for a background job to retry.</item>
/// <item>Events are newest first (<c>app/store/database/gitspace_event.go</c>, <c>ORDER BY geven_timestamp DESC</c>) with nanosecond
/// timestamps; the open-source server pages them with <c>x-total</c>/<c>x-total-pages</c> headers
/// (<c>app/api/handler/gitspace/events.go</c>), the hosted API takes no <c>page</c>/<c>limit</c> and answers them all, without paging
/// headers (the CDE spec, <c>getGitspaceEvents</c>).</item>
/// <item>Logs: the hosted <c>…/logs</c> answers the latest instance's log as one JSON string, <c>null</c> when there is none yet
/// (the CDE spec, <c>OpenapiGetGitspaceLogsResponse: nullable</c>); the open-source server streams SSE
/// (<c>app/api/controller/gitspace/logs_stream.go</c>, <c>app/api/render/sse.go</c>: <c>: ping</c>, <c>log_line_appended</c>
/// <c>{pos,out,time}</c>, <c>event: error</c> / <c>data: eof</c>) only while an operation runs, and forgets it after
/// (<c>livelog/livelog.go</c>).</item>
/// <item>Lists page with <c>x-total</c>, <c>x-total-pages</c>, <c>x-page</c>, <c>x-per-page</c> (<c>app/api/render/header.go</c>) and
/// filter by <c>query</c> (identifier or name), <c>gitspace_states</c> (on the latest instance's state: <c>stopped</c> also
/// keeps cleaned, deleted and uninitialized, <c>error</c> also unknown, no instance matches nothing), <c>gitspace_owner</c>
/// (<c>self</c> by default), <c>sort</c> and <c>order</c> (<c>app/api/request/gitspace.go</c>, <c>app/store/database/gitspace_config.go</c>
/// addGitspaceFilter, addOrderBy).</item>
/// <item>Update is <c>PATCH</c> on the gitspace (<c>app/api/controller/gitspace/update.go</c>): only while stopped or uninitialized;
/// a new IDE or key marks it for reset; VS Code Web clears the key and refuses one; the machine is looked up in the
/// gitspace's own infra provider and the open-source <c>default</c> cannot change; the open-source server ignores
/// <c>name</c>, the hosted one applies it (the CDE spec lists it in <c>OpenapiUpdateGitspaceRequest</c>).</item>
/// <item>Repository types (<c>types/enum/gitspace_code_repo_type.go</c>): the open-source server has SCM providers for
/// <c>gitness</c> and <c>unknown</c> only (<c>app/gitspace/scm/scm_factory.go</c>): <c>lookup-repo</c> of another type is an
/// internal error and a start of one fails at <c>fetch_devcontainer_failed</c>; <c>unknown</c> clones anonymously, so a
/// private repository fails (<c>app/gitspace/scm/scm.go</c> CheckValidCodeRepo); an internal repository without
/// <c>code_repo_ref</c> fails its create (<c>create.go</c>). The hosted types need their hosts: github.com, gitlab.com,
/// bitbucket.org, git.harness.io, and on-premises hosts the account reaches.</item>
/// <item>Hosted only (the CDE spec): <c>GET /accounts/{a}/gitspace-settings</c> (<c>TypesGitspaceSettingsResponse</c>:
/// <c>available_settings.infra_provider_resources</c> per infra provider type and region, the admin's <c>settings</c>,
/// <c>types/gitspace_settings.go</c>), <c>…/gitspaces/list-repos</c> and <c>…/list-branches</c> with their required
/// <c>repo_type</c>, <c>repo_url</c> and <c>search_term</c>, and the auto-stop job (<c>action_stop.go</c>
/// GitspaceAutostopAction: <c>gitspace_action_auto_stop</c>, then a normal stop).</item>
/// </list>
/// Tests script faults (status, <c>Retry-After</c>, malformed bodies) with <see cref="Fail"/>.
/// </summary>
internal sealed partial class HarnessStandIn : IAsyncDisposable
{
    public const string Account = "acct1";
    public const string Org = "org1";
    public const string Project = "proj1";
    public const string Space = "myspace";

    /// <summary>The principal the token belongs to: the <c>self</c> of <c>gitspace_owner</c>.</summary>
    public const string CallerId = "user1";
    private const string CdeBase = "/gateway/cde/api/v1";
    private const string OssBase = "/api/v1";

    private readonly WebApplication app;
    private readonly Lock gate = new();
    private readonly Dictionary<string, StandInGitspace> gitspaces = new(StringComparer.Ordinal);
    private readonly List<StandInFault> faults = [];
    private readonly ConcurrentQueue<StandInRequest> requests = new();
    private readonly CancellationTokenSource stopping = new();
    private long lastTimestamp;

    private HarnessStandIn(WebApplication app, string token, TimeSpan step)
    {
        this.app = app;
        this.Token = token;
        this.Step = step;
    }

    public string Token { get; set; }

    /// <summary>Gets the delay between the steps of a simulated operation.</summary>
    public TimeSpan Step { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyCollection<StandInRequest> Requests => this.requests;

    /// <summary>Starts the stand-in on a free loopback port.</summary>
    /// <param name="token">The only token it accepts.</param>
    /// <param name="step">The delay between the steps of a simulated operation (30 ms by default).</param>
    /// <returns>The running stand-in.</returns>
    public static async Task<HarnessStandIn> StartAsync(string token, TimeSpan? step = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var standIn = new HarnessStandIn(app, token, step ?? TimeSpan.FromMilliseconds(30));
        app.Run(standIn.HandleAsync);
        await app.StartAsync();
        standIn.BaseAddress = new Uri(app.Urls.First());
        return standIn;
    }

    /// <summary>Scripts the next <paramref name="times"/> matching requests to fail.</summary>
    public void Fail(string method, string pathSuffix, int status, string? body = null, int times = 1, int? retryAfterSeconds = null, string contentType = "application/json", int skip = 0)
    {
        lock (this.gate)
        {
            this.faults.Add(new StandInFault { Method = method, PathSuffix = pathSuffix, Status = status, Body = body, Remaining = times, RetryAfterSeconds = retryAfterSeconds, ContentType = contentType, Skip = skip });
        }
    }

    /// <summary>Makes the next start of a gitspace fail in its container setup.</summary>
    public void FailNextStart(string identifier)
    {
        lock (this.gate)
        {
            this.gitspaces[identifier].FailNextStart = true;
        }
    }

    /// <summary>
    /// Gets or sets a gitspace whose next read while it starts is answered as it was before its start failed: the
    /// answer is rendered, then held until the failure is recorded, as a control plane that moves on between two of the
    /// provider's reads (the gitspace, then its events) would answer. Cleared once used.
    /// </summary>
    public string? HoldNextStartingReadUntilFailed { get; set; }

    public string? StateOf(string identifier)
    {
        lock (this.gate)
        {
            return this.gitspaces.TryGetValue(identifier, out var gitspace) ? gitspace.State : null;
        }
    }

    /// <summary>Returns when the gitspace's instance last entered a state.</summary>
    public DateTimeOffset? LastEntered(string identifier, string state)
    {
        lock (this.gate)
        {
            return this.gitspaces.TryGetValue(identifier, out var gitspace) ? gitspace.StateHistory.Where(h => h.State == state).Select(h => (DateTimeOffset?)h.At).LastOrDefault() : null;
        }
    }

    public IReadOnlyList<string> EventTypesOf(string identifier)
    {
        lock (this.gate)
        {
            return [.. this.gitspaces[identifier].Events.Select(e => e.Type)];
        }
    }

    /// <summary>Adds a gitspace directly, as if made in the web UI (for pagination and watch tests), by the caller or a teammate.</summary>
    public string Seed(string name, string? state = null, string owner = CallerId)
    {
        lock (this.gate)
        {
            // Seeds serve both flavours: a hosted machine and a repository type each flavour can clone.
            var gitspace = this.NewGitspace(name, "vs_code", "https://github.com/acme/" + name + ".git", "unknown", "main", null, "standard", "harness-hosted", hosted: true, owner: owner);
            if (state is not null)
            {
                gitspace.Instance = new StandInInstance
                {
                    Identifier = gitspace.Identifier + "-inst01",
                    State = state,
                    Created = NowMs(),
                    Updated = NowMs(),
                    ErrorMessage = state == "error" ? "postStartCommand failed: exit status 1" : null,
                };
                Provision(gitspace);
            }

            return gitspace.Identifier;
        }
    }

    /// <summary>Changes a gitspace's instance state behind the client's back (auto-stop, the web UI).</summary>
    public void SetInstanceState(string identifier, string state)
    {
        lock (this.gate)
        {
            var gitspace = this.gitspaces[identifier];
            gitspace.Instance ??= new StandInInstance { Identifier = identifier + "-inst01", State = state, Created = NowMs() };
            gitspace.Instance.State = state;
            gitspace.Instance.Updated = gitspace.Updated = NowMs();
        }
    }

    /// <summary>
    /// Stops a running gitspace for inactivity, as the hosted auto-stop job does (<c>app/services/gitspace/action_stop.go</c>
    /// GitspaceAutostopAction): a <c>gitspace_action_auto_stop</c> event, then a normal stop.
    /// </summary>
    public void AutoStop(string identifier)
    {
        Func<CancellationToken, Task> play;
        lock (this.gate)
        {
            var gitspace = this.gitspaces[identifier];
            this.Emit(gitspace, "gitspace_action_auto_stop", "Auto-stopping Gitspace due to inactivity...", null);
            play = this.BeginStop(gitspace);
        }

        _ = Task.Run(() => play(this.stopping.Token));
    }

    /// <summary>Makes the next teardown of a gitspace fail: its instance ends in <c>error</c>, still marked for deletion.</summary>
    public void FailNextDelete(string identifier)
    {
        lock (this.gate)
        {
            this.gitspaces[identifier].FailNextDelete = true;
        }
    }

    /// <summary>Adds the events of <paramref name="cycles"/> earlier start/stop cycles, older than anything else the gitspace has.</summary>
    public void SeedHistory(string identifier, int cycles)
    {
        lock (this.gate)
        {
            var gitspace = this.gitspaces[identifier];
            var at = (DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeMilliseconds() * 1_000_000) - (cycles * 10_000_000_000L);
            var older = new List<StandInEvent>();
            for (var cycle = 0; cycle < cycles; cycle++)
            {
                foreach (var type in new[] { "gitspace_action_start", "agent_gitspace_creation_completed", "gitspace_action_start_completed", "gitspace_action_stop", "gitspace_action_stop_completed" })
                {
                    older.Add(new StandInEvent(type, type, at += 1_000_000, type.StartsWith("gitspace_action", StringComparison.Ordinal) ? "gitspace_config" : "gitspace_instance"));
                }
            }

            gitspace.Events.InsertRange(0, older);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await this.stopping.CancelAsync();
        await this.app.StopAsync();
        await this.app.DisposeAsync();
        this.stopping.Dispose();
    }

    private static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static string RandomSuffix() => string.Concat(Enumerable.Range(0, 6).Select(_ => "abcdefghijklmnopqrstuvwxyz0123456789"[Random.Shared.Next(36)]));

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonNode? body)
    {
        context.Response.StatusCode = status;
        if (body is null)
        {
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    /// <summary>Writes the JSON literal <c>null</c>, which a <see cref="JsonNode"/> cannot hold.</summary>
    private static async Task WriteJsonNullAsync(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync("null");
    }

    private static Task ErrorAsync(HttpContext context, int status, string message) =>
        WriteJsonAsync(context, status, new JsonObject { ["message"] = message });

    private async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "/";
        string? body = null;
        if (method is "POST" or "PATCH" or "PUT")
        {
            // Kept for assertions on what clients send; the handlers read the body again from the start.
            context.Request.EnableBuffering();
            body = await new StreamReader(context.Request.Body, leaveOpen: true).ReadToEndAsync();
            context.Request.Body.Position = 0;
        }

        StandInFault? fault;
        lock (this.gate)
        {
            fault = this.faults.FirstOrDefault(f => f.Matches(method, path));
            if (fault is { Skip: > 0 })
            {
                fault.Skip--;
                fault = null;
            }
            else if (fault is not null)
            {
                fault.Remaining--;
            }
        }

        try
        {
            if (fault is not null)
            {
                context.Response.StatusCode = fault.Status;
                if (fault.RetryAfterSeconds is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                if (fault.Body is not null)
                {
                    context.Response.ContentType = fault.ContentType;
                    await context.Response.WriteAsync(fault.Body);
                }

                return;
            }

            if (path.StartsWith(CdeBase + "/", StringComparison.Ordinal))
            {
                await this.HandleCdeAsync(context, path[CdeBase.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries));
            }
            else if (path.StartsWith(OssBase + "/", StringComparison.Ordinal))
            {
                await this.HandleOssAsync(context, path[OssBase.Length..]);
            }
            else
            {
                await ErrorAsync(context, 404, "Not Found");
            }
        }
        finally
        {
            var auth = context.Request.Headers.ContainsKey("x-api-key") ? "x-api-key" : context.Request.Headers.Authorization.ToString().Split(' ')[0];
            this.requests.Enqueue(new StandInRequest(method, path, context.Request.QueryString.Value ?? string.Empty, DateTimeOffset.UtcNow, auth.Length == 0 ? null : auth, context.Response.StatusCode) { Body = body });
        }
    }

    private async Task HandleCdeAsync(HttpContext context, string[] segments)
    {
        if (context.Request.Headers["x-api-key"].ToString() != this.Token)
        {
            await ErrorAsync(context, 401, "Unauthorized");
            return;
        }

        if (segments is ["accounts", var settingsAccount, "gitspace-settings"] && context.Request.Method == "GET")
        {
            await (settingsAccount == Account ? this.SettingsAsync(context) : ErrorAsync(context, 404, "account not found"));
            return;
        }

        // accounts/{a}/infraproviders[/{id}/resources]
        if (segments is ["accounts", var account, "infraproviders", ..])
        {
            if (account != Account)
            {
                await ErrorAsync(context, 404, "account not found");
                return;
            }

            await InfraCdeAsync(context, segments[3..]);
            return;
        }

        if (segments is not ["accounts", var a, "orgs", var o, "projects", var p, "gitspaces", ..])
        {
            await ErrorAsync(context, 404, "Not Found");
            return;
        }

        if (a != Account || o != Org || p != Project)
        {
            await ErrorAsync(context, 404, "project not found");
            return;
        }

        var rest = segments[7..];
        var method = context.Request.Method;
        switch (rest)
        {
            case [] when method == "GET":
                await this.ListAsync(context);
                return;
            case [] when method == "POST":
                await this.CreateAsync(context, $"{Account}/{Org}/{Project}");
                return;
            case ["lookup-repo"] when method == "POST":
                await this.LookupRepoAsync(context, hosted: true);
                return;
            case ["list-repos"] when method == "GET":
                await ListReposAsync(context);
                return;
            case ["list-branches"] when method == "GET":
                await ListBranchesAsync(context);
                return;
            case [var id, .. var suffix]:
                await this.GitspaceRouteAsync(context, id, string.Join('/', suffix), sse: false);
                return;
            default:
                await ErrorAsync(context, 405, "Method not allowed");
                return;
        }
    }

    private async Task HandleOssAsync(HttpContext context, string path)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization != "Bearer " + this.Token)
        {
            await ErrorAsync(context, 401, "Unauthorized");
            return;
        }

        var method = context.Request.Method;
        if (path == "/gitspaces" && method == "POST")
        {
            await this.CreateAsync(context, null);
            return;
        }

        if (path == "/gitspaces/lookup-repo" && method == "POST")
        {
            await this.LookupRepoAsync(context, hosted: false);
            return;
        }

        // Terminated-path form: everything before "/+" is the ref, "<space>/<id>" for a gitspace.
        var marker = path.IndexOf("/+", StringComparison.Ordinal);
        if (marker < 0)
        {
            await ErrorAsync(context, 404, "Not Found");
            return;
        }

        var before = path[..marker];
        var suffix = path[(marker + 2)..].Trim('/');
        if (before.StartsWith("/spaces/", StringComparison.Ordinal))
        {
            var space = before["/spaces/".Length..];
            switch (suffix)
            {
                case "gitspaces" when method == "GET" && space == Space:
                    await this.ListAsync(context);
                    return;
                case "infraproviders" when method == "GET" && space == Space.Split('/')[0]:
                    await WriteJsonAsync(context, 200, new JsonArray(OssDefaultInfra()));
                    return;
                default:
                    await ErrorAsync(context, 404, "space not found");
                    return;
            }
        }

        if (before.StartsWith("/infraproviders/", StringComparison.Ordinal) && method == "GET")
        {
            var leaf = before.Split('/')[^1];
            await (leaf == "default" ? WriteJsonAsync(context, 200, OssDefaultInfra()) : ErrorAsync(context, 404, "infra provider not found"));
            return;
        }

        if (before.StartsWith("/gitspaces/", StringComparison.Ordinal))
        {
            var reference = before["/gitspaces/".Length..];
            var slash = reference.LastIndexOf('/');
            if (slash < 0 || reference[..slash] != Space)
            {
                await ErrorAsync(context, 404, "Gitspace not found");
                return;
            }

            await this.GitspaceRouteAsync(context, reference[(slash + 1)..], suffix, sse: true);
            return;
        }

        await ErrorAsync(context, 404, "Not Found");
    }

    private async Task GitspaceRouteAsync(HttpContext context, string id, string suffix, bool sse)
    {
        var method = context.Request.Method;
        StandInGitspace? gitspace;
        lock (this.gate)
        {
            this.gitspaces.TryGetValue(id, out gitspace);
        }

        if (gitspace is null)
        {
            await ErrorAsync(context, 404, "Failed to find gitspace config: resource not found");
            return;
        }

        switch (suffix)
        {
            case "" when method == "GET":
                var rendered = this.Render(gitspace);

                if (this.HoldNextStartingReadUntilFailed == id && rendered["state"]?.GetValue<string>() == "starting")
                {
                    this.HoldNextStartingReadUntilFailed = null;
                    while (true)
                    {
                        Task moved;
                        lock (this.gate)
                        {
                            if (gitspace.State == "error")
                            {
                                break;
                            }

                            moved = gitspace.Moved.Task;
                        }

                        await moved.WaitAsync(TimeSpan.FromSeconds(10));
                    }
                }

                await WriteJsonAsync(context, 200, rendered);
                return;
            case "" when method == "PATCH":
                await this.UpdateAsync(context, gitspace, hosted: !sse);
                return;
            case "" when method == "DELETE":
                await this.DeleteAsync(context, gitspace);
                return;
            case "actions" when method == "POST":
                await this.ActionAsync(context, gitspace);
                return;
            case "events" when method == "GET":
                await this.EventsAsync(context, gitspace, paged: sse);
                return;
            case "logs" when method == "GET" && !sse:
                string? text;
                lock (this.gate)
                {
                    // The latest instance's log; JSON null before any line was written (the CDE spec: nullable).
                    text = gitspace.Instance is { Log.Count: > 0 } instance ? string.Concat(instance.Log.Select(l => l + "\n")) : null;
                }

                await (text is null ? WriteJsonNullAsync(context) : WriteJsonAsync(context, 200, JsonValue.Create(text)));
                return;
            case "logs/stream" when method == "GET" && sse:
                await this.StreamAsync(context, gitspace);
                return;
            case "token" when method == "GET" && !sse:
                await WriteJsonAsync(context, 200, new JsonObject { ["gitspace_token"] = "jwt-for-" + gitspace.Identifier });
                return;
            default:
                await ErrorAsync(context, 404, "Not Found");
                return;
        }
    }

    /// <summary>
    /// The list with its filters (<c>app/api/request/gitspace.go</c>, <c>app/store/database/gitspace_config.go</c>):
    /// <c>query</c> matches identifier or name; <c>gitspace_states</c> matches the latest instance (<c>stopped</c> also
    /// keeps cleaned, deleted and uninitialized, <c>error</c> also unknown, and a gitspace without an instance matches
    /// none); <c>gitspace_owner=self</c> (the default) keeps the caller's; <c>sort</c> is <c>last_used</c>, <c>created</c> or
    /// <c>last_activated</c> (the default, the latest instance's creation), with <c>order</c>.
    /// </summary>
    private async Task ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var page = int.TryParse(query["page"], out var p) && p > 0 ? p : 1;
        var limit = int.TryParse(query["limit"], out var l) && l > 0 ? Math.Min(l, 100) : 30;
        var text = query["query"].ToString();
        var states = query["gitspace_states"].Select(v => v ?? string.Empty).Where(v => v is "running" or "stopped" or "error").ToHashSet(StringComparer.Ordinal);
        var everyone = query["gitspace_owner"].ToString() == "all";
        var sort = query["sort"].ToString();
        var ascending = query["order"].ToString() == "asc";
        List<JsonNode> items;
        int total;
        lock (this.gate)
        {
            var kept = this.gitspaces.Values
                .Where(g => everyone || g.UserId == CallerId)
                .Where(g => text.Length == 0 || g.Identifier.Contains(text, StringComparison.OrdinalIgnoreCase) || g.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
                .Where(g => states.Count == 0 || (g.Instance?.State is { } state && states.Contains(FilterState(state))));
            Func<StandInGitspace, long> key = sort switch
            {
                "last_used" => g => g.Instance?.LastUsed ?? 0,
                "created" or "created_at" => g => g.Created,
                _ => g => g.Instance?.Created ?? g.Created,
            };
            var all = (ascending ? kept.OrderBy(key) : kept.OrderByDescending(key)).ThenBy(g => g.Identifier, StringComparer.Ordinal).ToList();
            total = all.Count;
            items = [.. all.Skip((page - 1) * limit).Take(limit).Select(this.Render)];
        }

        SetPagination(context, page, limit, total);
        await WriteJsonAsync(context, 200, new JsonArray([.. items]));
    }

    /// <summary>The filter state an instance state counts as (<c>addGitspaceFilter</c>).</summary>
    private static string FilterState(string instanceState) => instanceState switch
    {
        "running" => "running",
        "error" or "unknown" => "error",
        "stopped" or "cleaned" or "deleted" or "uninitialized" => "stopped",
        _ => "busy",
    };

    private static void SetPagination(HttpContext context, int page, int limit, int total)
    {
        var headers = context.Response.Headers;
        headers["x-total"] = total.ToString(CultureInfo.InvariantCulture);
        headers["x-total-pages"] = Math.Max(1, (total + limit - 1) / limit).ToString(CultureInfo.InvariantCulture);
        headers["x-page"] = page.ToString(CultureInfo.InvariantCulture);
        headers["x-per-page"] = limit.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Create (<c>app/api/controller/gitspace/create.go</c>): the identifier is lower-cased, checked and suffixed; the
    /// open-source server needs <c>space_ref</c> (the hosted UI sends its <c>acct/org/project</c> too); the machine must
    /// exist in the infra provider; an internal repository (<c>gitness</c>, <c>harness_code</c>) needs <c>code_repo_ref</c>,
    /// without which the real handler dereferences a nil pointer (an internal error).
    /// </summary>
    private async Task CreateAsync(HttpContext context, string? scope)
    {
        JsonObject body;
        try
        {
            body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        }
        catch (JsonException)
        {
            await ErrorAsync(context, 400, "Invalid request body");
            return;
        }

        var hosted = scope is not null;
        var identifier = (body["identifier"]?.GetValue<string>() ?? string.Empty).ToLowerInvariant();
        var spaceRef = body["space_ref"]?.GetValue<string>();
        var resource = body["resource_identifier"]?.GetValue<string>();
        var infra = body["infra_provider_config_identifier"]?.GetValue<string>() ?? "default";
        var repoUrl = body["code_repo_url"]?.GetValue<string>();
        var repoType = body["code_repo_type"]?.GetValue<string>() ?? string.Empty;
        var repoRef = body["code_repo_ref"]?.GetValue<string>();
        if (identifier.Length is 0 or > 50 || !identifier.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            await ErrorAsync(context, 400, $"Identifier \"{identifier}\" contains invalid characters: only lowercase letters, digits, and hyphens are allowed");
            return;
        }

        if (hosted ? spaceRef is not null && spaceRef != scope : spaceRef != Space)
        {
            await ErrorAsync(context, 400, "Gitspace requires a valid parent space");
            return;
        }

        if (string.IsNullOrEmpty(resource) || string.IsNullOrEmpty(repoUrl))
        {
            await ErrorAsync(context, 400, "resource_identifier and code_repo_url are required");
            return;
        }

        if (FindMachine(hosted, infra, resource) is null)
        {
            await ErrorAsync(context, 400, $"could not find infra provider resource \"{resource}\" of \"{infra}\"");
            return;
        }

        if (repoType is "gitness" or "harness_code" && repoRef is null)
        {
            await ErrorAsync(context, 500, "Internal error occurred");
            return;
        }

        StandInGitspace gitspace;
        lock (this.gate)
        {
            gitspace = this.NewGitspace(identifier, body["ide"]?.GetValue<string>() ?? "vs_code", repoUrl, repoType, body["branch"]?.GetValue<string>(), body["devcontainer_path"]?.GetValue<string>(), resource, infra, hosted, repoRef);
            gitspace.Name = body["name"]?.GetValue<string>() ?? identifier;
            gitspace.SshTokenIdentifier = body["ssh_token_identifier"]?.GetValue<string>() ?? string.Empty;
        }

        await WriteJsonAsync(context, 201, this.Render(gitspace));
    }

    private StandInGitspace NewGitspace(string identifier, string ide, string repoUrl, string repoType, string? branch, string? devcontainerPath, string resource, string infra, bool hosted, string? repoRef = null, string owner = CallerId)
    {
        var now = NowMs();
        var gitspace = new StandInGitspace
        {
            Identifier = identifier + "-" + RandomSuffix(),
            Name = identifier,
            Ide = ide,
            SpacePath = hosted ? $"{Account}/{Org}/{Project}" : Space,
            Hosted = hosted,
            RepoUrl = repoUrl,
            RepoType = repoType,
            RepoRef = repoRef,
            Branch = branch,
            DevcontainerPath = devcontainerPath,
            ResourceIdentifier = resource,
            InfraIdentifier = infra,
            UserId = owner,
            Created = now,
            Updated = now,
        };
        this.gitspaces[gitspace.Identifier] = gitspace;
        return gitspace;
    }

    private JsonObject Render(StandInGitspace gitspace)
    {
        lock (this.gate)
        {
            if (gitspace.IsMarkedForDeletion)
            {
                // A client has seen the old state after its DELETE: the delete handler may run now.
                gitspace.ReadWhileMarked.TrySetResult();
            }

            var instance = gitspace.Instance;
            return new JsonObject
            {
                ["identifier"] = gitspace.Identifier,
                ["name"] = gitspace.Name,
                ["ide"] = gitspace.Ide,
                ["state"] = gitspace.State,
                ["space_path"] = gitspace.SpacePath,
                ["created"] = gitspace.Created,
                ["updated"] = gitspace.Updated,
                ["ssh_token_identifier"] = gitspace.SshTokenIdentifier,
                ["code_repo_url"] = gitspace.RepoUrl,
                ["code_repo_type"] = gitspace.RepoType,
                ["code_repo_ref"] = gitspace.RepoRef,
                ["code_repo_is_private"] = false,
                ["branch"] = gitspace.Branch,
                ["devcontainer_path"] = gitspace.DevcontainerPath,
                ["user_id"] = gitspace.UserId,
                ["is_marked_for_reset"] = gitspace.IsMarkedForReset,
                ["resource"] = (FindMachine(gitspace.Hosted, gitspace.InfraIdentifier, gitspace.ResourceIdentifier) ?? new StandInMachine(gitspace.InfraIdentifier, gitspace.ResourceIdentifier, gitspace.ResourceIdentifier, "2", "8GB", "30GB", null, "docker")).ToJson(),
                ["instance"] = instance is null ? null : new JsonObject
                {
                    ["identifier"] = instance.Identifier,
                    ["state"] = instance.State,
                    ["url"] = instance.Url,
                    ["ssh_command"] = instance.SshCommand,
                    ["plugin_url"] = instance.PluginUrl,
                    ["error_message"] = instance.ErrorMessage,
                    ["machine_user"] = "harness",
                    ["access_type"] = gitspace.SshTokenIdentifier.Length > 0 ? "ssh_key" : "user_credentials",
                    ["access_key_ref"] = gitspace.SshTokenIdentifier.Length > 0 ? gitspace.SshTokenIdentifier : "harness_password",
                    ["last_used"] = instance.LastUsed,
                    ["space_path"] = gitspace.SpacePath,
                    ["created"] = instance.Created,
                    ["updated"] = instance.Updated,
                },
            };
        }
    }
}
