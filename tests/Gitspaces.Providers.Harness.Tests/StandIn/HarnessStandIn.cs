using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gitspaces.Providers.Harness.Tests.StandIn;

/// <summary>
/// A STAND-IN for the Harness cloud (hosted CDE, app.harness.io) and the open-source Harness server, which are out
/// of reach from this machine. It is a real HTTP server (Kestrel on 127.0.0.1, a free port) that follows the API
/// as /work/shared/reference/harness.md documents it — nothing more is known of the real service:
/// <list type="bullet">
/// <item>hosted CDE (§2.2): <c>/gateway/cde/api/v1/accounts/{a}/orgs/{o}/projects/{p}/gitspaces[/{id}[/actions|/events|/logs|/token]]</c>,
/// <c>…/gitspaces/lookup-repo</c>, <c>/accounts/{a}/infraproviders[/{id}/resources]</c>, auth by <c>x-api-key</c>;</item>
/// <item>open-source server (§2.1): <c>/api/v1/gitspaces</c> (create), <c>/api/v1/spaces/{space}/+/gitspaces</c> (list),
/// <c>/api/v1/gitspaces/{space}/{id}/+[/actions|/events|/logs/stream]</c>, <c>/api/v1/gitspaces/lookup-repo</c>,
/// <c>/api/v1/spaces/{space}/+/infraproviders</c>, <c>/api/v1/infraproviders/{space}/{id}/+</c>, auth by Bearer token;</item>
/// <item>snake_case fields (§1), pagination headers <c>x-total</c>, <c>x-total-pages</c>, <c>x-page</c>, <c>x-per-page</c>,
/// errors as <c>{"message": …}</c>, 201 on create, 204 on delete, 403 "Last session for this gitspace is still
/// &lt;state&gt;" on a busy gitspace, events newest first with nanosecond timestamps, the SSE log stream
/// (<c>: ping</c>, <c>event: log_line_appended</c> with <c>{pos,out,time}</c>, <c>event: error</c> / <c>data: eof</c>), and the
/// state machine of §1.6 played out over time with the event sequences of §2.3.</item>
/// </list>
/// Tests script faults (status, <c>Retry-After</c>, malformed bodies) with <see cref="Fail"/>.
/// </summary>
internal sealed class HarnessStandIn : IAsyncDisposable
{
    public const string Account = "acct1";
    public const string Org = "org1";
    public const string Project = "proj1";
    public const string Space = "myspace";
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

    /// <summary>Adds a gitspace directly, as if made in the web UI (for pagination and watch tests).</summary>
    public string Seed(string name, string? state = null)
    {
        lock (this.gate)
        {
            var gitspace = this.NewGitspace(name, "vs_code", "https://github.com/acme/" + name + ".git", "github", "main", null, "standard", "harness-hosted", null);
            if (state is not null)
            {
                gitspace.Instance = new StandInInstance { Identifier = gitspace.Identifier + "-inst01", State = state, Created = NowMs(), Updated = NowMs() };
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

    private static Task ErrorAsync(HttpContext context, int status, string message) =>
        WriteJsonAsync(context, status, new JsonObject { ["message"] = message });

    private async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "/";
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
            this.requests.Enqueue(new StandInRequest(method, path, context.Request.QueryString.Value ?? string.Empty, DateTimeOffset.UtcNow, auth.Length == 0 ? null : auth, context.Response.StatusCode));
        }
    }

    private async Task HandleCdeAsync(HttpContext context, string[] segments)
    {
        if (context.Request.Headers["x-api-key"].ToString() != this.Token)
        {
            await ErrorAsync(context, 401, "Unauthorized");
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
                await LookupRepoAsync(context);
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
            await LookupRepoAsync(context);
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
            case "" when method == "DELETE":
                await this.DeleteAsync(context, gitspace);
                return;
            case "actions" when method == "POST":
                await this.ActionAsync(context, gitspace);
                return;
            case "events" when method == "GET":
                await this.EventsAsync(context, gitspace);
                return;
            case "logs" when method == "GET" && !sse:
                string text;
                lock (this.gate)
                {
                    text = string.Concat(gitspace.Log.Select(l => l + "\n"));
                }

                await WriteJsonAsync(context, 200, JsonValue.Create(text));
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

    private async Task ListAsync(HttpContext context)
    {
        var page = int.TryParse(context.Request.Query["page"], out var p) && p > 0 ? p : 1;
        var limit = int.TryParse(context.Request.Query["limit"], out var l) && l > 0 ? Math.Min(l, 100) : 30;
        List<JsonNode> items;
        int total;
        lock (this.gate)
        {
            var all = this.gitspaces.Values.OrderByDescending(g => g.Created).ThenBy(g => g.Identifier, StringComparer.Ordinal).ToList();
            total = all.Count;
            items = [.. all.Skip((page - 1) * limit).Take(limit).Select(this.Render)];
        }

        SetPagination(context, page, limit, total);
        await WriteJsonAsync(context, 200, new JsonArray([.. items]));
    }

    private static void SetPagination(HttpContext context, int page, int limit, int total)
    {
        var headers = context.Response.Headers;
        headers["x-total"] = total.ToString(CultureInfo.InvariantCulture);
        headers["x-total-pages"] = Math.Max(1, (total + limit - 1) / limit).ToString(CultureInfo.InvariantCulture);
        headers["x-page"] = page.ToString(CultureInfo.InvariantCulture);
        headers["x-per-page"] = limit.ToString(CultureInfo.InvariantCulture);
    }

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

        var identifier = body["identifier"]?.GetValue<string>() ?? string.Empty;
        var spaceRef = scope ?? body["space_ref"]?.GetValue<string>();
        var resource = body["resource_identifier"]?.GetValue<string>();
        var repoUrl = body["code_repo_url"]?.GetValue<string>();
        if (identifier.Length is 0 or > 50 || !identifier.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            await ErrorAsync(context, 400, "identifier must match [a-z0-9-] and be at most 50 characters");
            return;
        }

        if (spaceRef is null || (scope is null && spaceRef != Space))
        {
            await ErrorAsync(context, 400, "space_ref is required");
            return;
        }

        if (string.IsNullOrEmpty(resource) || string.IsNullOrEmpty(repoUrl))
        {
            await ErrorAsync(context, 400, "resource_identifier and code_repo_url are required");
            return;
        }

        StandInGitspace gitspace;
        lock (this.gate)
        {
            gitspace = this.NewGitspace(
                identifier,
                body["ide"]?.GetValue<string>() ?? "vs_code",
                repoUrl,
                body["code_repo_type"]?.GetValue<string>() ?? "unknown",
                body["branch"]?.GetValue<string>(),
                body["devcontainer_path"]?.GetValue<string>(),
                resource,
                body["infra_provider_config_identifier"]?.GetValue<string>() ?? "default",
                body["metadata"]?["region"]?.GetValue<string>());
            gitspace.Name = body["name"]?.GetValue<string>() ?? identifier;
        }

        await WriteJsonAsync(context, 201, this.Render(gitspace));
    }

    private StandInGitspace NewGitspace(string identifier, string ide, string repoUrl, string repoType, string? branch, string? devcontainerPath, string resource, string infra, string? region)
    {
        var now = NowMs();
        var gitspace = new StandInGitspace
        {
            Identifier = identifier + "-" + RandomSuffix(),
            Name = identifier,
            Ide = ide,
            SpacePath = Space,
            RepoUrl = repoUrl,
            RepoType = repoType,
            Branch = branch,
            DevcontainerPath = devcontainerPath,
            ResourceIdentifier = resource,
            InfraIdentifier = infra,
            Region = region,
            Created = now,
            Updated = now,
        };
        this.gitspaces[gitspace.Identifier] = gitspace;
        return gitspace;
    }

    private static async Task LookupRepoAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))?.AsObject();
        var url = body?["url"]?.GetValue<string>() ?? string.Empty;
        if (!url.StartsWith("http://", StringComparison.Ordinal) && !url.StartsWith("https://", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 400, "Invalid repository URL: the scheme must be http or https");
            return;
        }

        if (url.Contains("missing", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 400, "Could not find repository");
            return;
        }

        await WriteJsonAsync(context, 200, new JsonObject { ["url"] = url, ["branch"] = "trunk", ["is_private"] = false });
    }

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
        _ = Task.Run(() => play(this.stopping.Token));
    }

    private async Task DeleteAsync(HttpContext context, StandInGitspace gitspace)
    {
        Func<CancellationToken, Task>? play = null;
        string? busyState = null;
        lock (this.gate)
        {
            if (gitspace.Instance is { IsBusy: true } busy)
            {
                busyState = busy.State;
            }
            else if (gitspace.Instance is null || gitspace.Instance.IsFinal || gitspace.Instance.State == "uninitialized")
            {
                this.gitspaces.Remove(gitspace.Identifier);
            }
            else
            {
                Move(gitspace, "cleaning");
                var live = NewLive(gitspace);
                play = token => this.PlayAsync(
                    gitspace,
                    live,
                    [
                        () => this.Emit(gitspace, "agent_gitspace_deletion_start", "Removing Gitspace...", "INFO: Removing container gitspace-harness-" + gitspace.Identifier),
                        () => this.Emit(gitspace, "agent_gitspace_deletion_completed", "Removed Gitspace", "INFO: Removed volume"),
                        () => this.Emit(gitspace, "infra_deprovisioning_start", "Deprovisioning infrastructure...", null),
                        () =>
                        {
                            this.Emit(gitspace, "infra_deprovisioning_completed", "Deprovisioned infrastructure", null);
                            this.gitspaces.Remove(gitspace.Identifier);
                        },
                    ],
                    token);
            }
        }

        if (busyState is not null)
        {
            await ErrorAsync(context, 403, $"Last session for this gitspace is still {busyState}");
            return;
        }

        context.Response.StatusCode = 204;
        if (play is not null)
        {
            _ = Task.Run(() => play(this.stopping.Token));
        }
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

    private async Task PlayAsync(StandInGitspace gitspace, StandInLiveLog live, IReadOnlyList<Action> steps, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var step in steps)
            {
                await Task.Delay(this.Step, cancellationToken);
                lock (this.gate)
                {
                    step();
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
            gitspace.Log.Add(logLine);
            gitspace.Live?.Append(logLine, NowMs());
        }
    }

    private async Task EventsAsync(HttpContext context, StandInGitspace gitspace)
    {
        var page = int.TryParse(context.Request.Query["page"], out var p) && p > 0 ? p : 1;
        var limit = int.TryParse(context.Request.Query["limit"], out var l) && l > 0 ? Math.Min(l, 100) : 30;
        JsonArray items;
        int total;
        lock (this.gate)
        {
            // Newest first (ORDER BY geven_timestamp DESC).
            var all = gitspace.Events.OrderByDescending(e => e.TimestampNanoseconds).ToList();
            total = all.Count;
            items = new JsonArray([.. all.Skip((page - 1) * limit).Take(limit).Select(e => (JsonNode)new JsonObject
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

        SetPagination(context, page, limit, total);
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

    private JsonObject Render(StandInGitspace gitspace)
    {
        lock (this.gate)
        {
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
                ["ssh_token_identifier"] = string.Empty,
                ["code_repo_url"] = gitspace.RepoUrl,
                ["code_repo_type"] = gitspace.RepoType,
                ["code_repo_is_private"] = false,
                ["branch"] = gitspace.Branch,
                ["devcontainer_path"] = gitspace.DevcontainerPath,
                ["user_id"] = "user1",
                ["is_marked_for_reset"] = false,
                ["resource"] = new JsonObject
                {
                    ["identifier"] = gitspace.ResourceIdentifier,
                    ["name"] = gitspace.ResourceIdentifier switch { "standard" or "standard-east" => "Standard", "large" => "Large", "m5-xlarge" => "m5.xlarge", var other => other },
                    ["config_identifier"] = gitspace.InfraIdentifier,
                    ["cpu"] = "2",
                    ["memory"] = "8GB",
                    ["disk"] = "30GB",
                    ["region"] = gitspace.Region,
                },
                ["instance"] = instance is null ? null : new JsonObject
                {
                    ["identifier"] = instance.Identifier,
                    ["state"] = instance.State,
                    ["url"] = instance.Url,
                    ["ssh_command"] = instance.SshCommand,
                    ["plugin_url"] = instance.PluginUrl,
                    ["error_message"] = instance.ErrorMessage,
                    ["machine_user"] = "harness",
                    ["access_type"] = "user_credentials",
                    ["access_key_ref"] = "harness_password",
                    ["space_path"] = gitspace.SpacePath,
                    ["created"] = instance.Created,
                    ["updated"] = instance.Updated,
                },
            };
        }
    }

    private static async Task InfraCdeAsync(HttpContext context, string[] rest)
    {
        switch (rest)
        {
            case []:
                await WriteJsonAsync(context, 200, new JsonArray(
                    new JsonObject { ["identifier"] = "harness-hosted", ["name"] = "Harness Cloud", ["type"] = "harness_gcp", ["space_path"] = Account },
                    new JsonObject { ["identifier"] = "my-aws", ["name"] = "Self-hosted AWS", ["type"] = "hybrid_vm_aws", ["space_path"] = Account }));
                return;
            case ["harness-hosted", "resources"]:
                await WriteJsonAsync(context, 200, new JsonArray(
                    Machine("standard", "Standard", "harness-hosted", "2", "8GB", "us-west"),
                    Machine("large", "Large", "harness-hosted", "4", "16GB", "us-west"),
                    Machine("standard-east", "Standard", "harness-hosted", "2", "8GB", "us-east")));
                return;
            case ["my-aws", "resources"]:
                await WriteJsonAsync(context, 200, new JsonArray(Machine("m5-xlarge", "m5.xlarge", "my-aws", "4", "16GB", "eu-west-1")));
                return;
            default:
                await ErrorAsync(context, 404, "infra provider not found");
                return;
        }
    }

    private static JsonObject Machine(string id, string name, string config, string cpu, string memory, string region) => new()
    {
        ["identifier"] = id,
        ["name"] = name,
        ["config_identifier"] = config,
        ["cpu"] = cpu,
        ["memory"] = memory,
        ["disk"] = "30GB",
        ["network"] = "standard",
        ["region"] = region,
        ["infra_provider_type"] = config == "my-aws" ? "hybrid_vm_aws" : "harness_gcp",
    };

    private static JsonObject OssDefaultInfra() => new()
    {
        ["identifier"] = "default",
        ["name"] = "default docker infrastructure",
        ["type"] = "docker",
        ["space_path"] = Space,
        ["resources"] = new JsonArray(new JsonObject
        {
            ["identifier"] = "default",
            ["name"] = "Standard Docker Resource",
            ["config_identifier"] = "default",
            ["cpu"] = "any",
            ["memory"] = "any",
            ["disk"] = "any",
            ["network"] = "standard",
            ["infra_provider_type"] = "docker",
        }),
    };
}
