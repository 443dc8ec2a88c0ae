using System.Globalization;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using Gitspaces.Providers.Harness.Api;

namespace Gitspaces.Providers.Harness;

/// <summary>
/// The Harness gitspaces API, for both flavours: the hosted CDE (<c>x-api-key</c>, account/org/project in the path)
/// and the open-source server (Bearer token, <c>&lt;space&gt;/&lt;id&gt;/+</c> paths). Every failure is a
/// <see cref="GitspaceException"/>; the token is sent in a header only, never in a URL, message or log.
/// </summary>
public sealed class HarnessClient
{
    /// <summary>The page size used when reading every page.</summary>
    public const int PageSize = 50;

    private const int MaxPages = 1000;
    private static readonly ProductInfoHeaderValue UserAgent = new("gitspaces", typeof(HarnessClient).Assembly.GetName().Version?.ToString(3) ?? "0");

    private readonly IHttpClientFactory httpClientFactory;
    private readonly HarnessRoutes routes;
    private readonly string token;

    /// <summary>Initializes a new instance of the <see cref="HarnessClient"/> class.</summary>
    /// <param name="httpClientFactory">A factory with the clients of <see cref="HarnessHttpClients.AddHarnessHttpClients"/>.</param>
    /// <param name="connection">Where the control plane is and which scope to use.</param>
    /// <param name="token">The API token (a PAT or service account token).</param>
    public HarnessClient(IHttpClientFactory httpClientFactory, HarnessConnection connection, string token)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        this.httpClientFactory = httpClientFactory;
        this.Connection = connection;
        this.routes = new HarnessRoutes(connection);
        this.token = token;
    }

    /// <summary>Gets where the control plane is.</summary>
    public HarnessConnection Connection { get; }

    /// <summary>Gets a value indicating whether the control plane streams logs (SSE, open-source server) rather than serving them whole (hosted CDE).</summary>
    public bool StreamsLogs => this.Connection.Flavour == HarnessFlavour.Oss;

    /// <summary>Lists one page of gitspaces.</summary>
    /// <param name="page">The page, from 1.</param>
    /// <param name="limit">The page size.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with the totals from the pagination headers.</returns>
    public Task<HarnessPage<HarnessGitspaceConfig>> ListGitspacesAsync(int page, int limit, CancellationToken cancellationToken) =>
        this.ListGitspacesAsync(page, limit, null, cancellationToken);

    /// <summary>Lists one page of the gitspaces that pass a filter.</summary>
    /// <param name="page">The page, from 1.</param>
    /// <param name="limit">The page size.</param>
    /// <param name="filter">The filter, or <see langword="null"/> for the server's defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with the totals from the pagination headers.</returns>
    public async Task<HarnessPage<HarnessGitspaceConfig>> ListGitspacesAsync(int page, int limit, HarnessListFilter? filter, CancellationToken cancellationToken)
    {
        var (items, headers) = await this.SendAsync(HttpMethod.Get, this.routes.ListGitspaces(page, limit, filter), null, HarnessJsonContext.Default.ListHarnessGitspaceConfig, "list gitspaces", null, cancellationToken);
        return ToPage(items, page, headers);
    }

    /// <summary>Lists every gitspace, page by page.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The gitspaces.</returns>
    public Task<IReadOnlyList<HarnessGitspaceConfig>> ListAllGitspacesAsync(CancellationToken cancellationToken) =>
        this.ListAllGitspacesAsync(null, cancellationToken);

    /// <summary>Lists every gitspace that passes a filter, page by page.</summary>
    /// <param name="filter">The filter, or <see langword="null"/> for the server's defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The gitspaces.</returns>
    public Task<IReadOnlyList<HarnessGitspaceConfig>> ListAllGitspacesAsync(HarnessListFilter? filter, CancellationToken cancellationToken) =>
        ReadAllPagesAsync((page, ct) => this.ListGitspacesAsync(page, PageSize, filter, ct), g => g.Identifier, cancellationToken);

    /// <summary>Returns a gitspace with its latest instance.</summary>
    /// <param name="id">The gitspace identifier.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The gitspace; <see cref="ErrorCodes.GitspaceNotFound"/> when there is none.</returns>
    public async Task<HarnessGitspaceConfig> GetGitspaceAsync(string id, CancellationToken cancellationToken) =>
        (await this.SendAsync(HttpMethod.Get, this.routes.Gitspace(id), null, HarnessJsonContext.Default.HarnessGitspaceConfig, $"read gitspace '{id}'", id, cancellationToken)).Body;

    /// <summary>Returns a gitspace, or <see langword="null"/> when the control plane has none with that identifier.</summary>
    /// <param name="id">The gitspace identifier.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The gitspace or <see langword="null"/>.</returns>
    public async Task<HarnessGitspaceConfig?> FindGitspaceAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await this.GetGitspaceAsync(id, cancellationToken);
        }
        catch (GitspaceException ex) when (ex.Code == ErrorCodes.GitspaceNotFound)
        {
            return null;
        }
    }

    /// <summary>Creates a gitspace (it starts <c>uninitialized</c>; starting is a separate action).</summary>
    /// <param name="request">The request; on the open-source server <c>space_ref</c> defaults to the configured space.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The gitspace, with the identifier the server built.</returns>
    public async Task<HarnessGitspaceConfig> CreateGitspaceAsync(HarnessCreateGitspaceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.SpaceRef is null)
        {
            request = request with { SpaceRef = this.routes.SpaceRef };
        }

        var body = JsonContent(request, HarnessJsonContext.Default.HarnessCreateGitspaceRequest);
        return (await this.SendAsync(HttpMethod.Post, this.routes.CreateGitspace(), body, HarnessJsonContext.Default.HarnessGitspaceConfig, $"create gitspace '{request.Name}'", null, cancellationToken)).Body;
    }

    /// <summary>
    /// Updates a gitspace (<c>PATCH</c>): IDE, machine or SSH key, and on the hosted API its display name. The control
    /// plane takes it only while the gitspace is stopped or uninitialized (<c>app/api/controller/gitspace/update.go</c>).
    /// </summary>
    /// <param name="id">The gitspace identifier.</param>
    /// <param name="request">What to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The gitspace as the control plane keeps it now.</returns>
    public async Task<HarnessGitspaceConfig> UpdateGitspaceAsync(string id, HarnessUpdateGitspaceRequest request, CancellationToken cancellationToken)
    {
        var body = JsonContent(request, HarnessJsonContext.Default.HarnessUpdateGitspaceRequest);
        return (await this.SendAsync(HttpMethod.Patch, this.routes.Gitspace(id), body, HarnessJsonContext.Default.HarnessGitspaceConfig, $"update gitspace '{id}'", id, cancellationToken, retrySafe: true)).Body;
    }

    /// <summary>Reads the hosted account's gitspace settings: allowed IDEs, repository types and machines, and the regions on offer.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The settings.</returns>
    public async Task<HarnessGitspaceSettings> GetSettingsAsync(CancellationToken cancellationToken)
    {
        this.Require(HarnessFlavour.Cde, "Account gitspace settings");
        return (await this.SendAsync(HttpMethod.Get, this.routes.Settings(), null, HarnessJsonContext.Default.HarnessGitspaceSettings, "read the account's gitspace settings", null, cancellationToken)).Body;
    }

    /// <summary>Lists the repositories of a git provider the user connected (hosted CDE; OAuth on the platform).</summary>
    /// <param name="repoType">The repository type.</param>
    /// <param name="search">Text the names contain; empty for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The repositories.</returns>
    public async Task<IReadOnlyList<HarnessListedRepo>> ListReposAsync(string repoType, string search, CancellationToken cancellationToken)
    {
        this.Require(HarnessFlavour.Cde, "Listing a git provider's repositories");
        var answer = (await this.SendAsync(HttpMethod.Get, this.routes.ListRepos(repoType, search), null, HarnessJsonContext.Default.HarnessRepoListing, $"list the {repoType} repositories", null, cancellationToken)).Body;
        return answer.Repositories ?? [];
    }

    /// <summary>Lists the branches of a repository (hosted CDE).</summary>
    /// <param name="repoType">The repository type.</param>
    /// <param name="repoUrl">The clone URL.</param>
    /// <param name="search">Text the names contain; empty for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The branches.</returns>
    public async Task<IReadOnlyList<HarnessListedBranch>> ListBranchesAsync(string repoType, string repoUrl, string search, CancellationToken cancellationToken)
    {
        this.Require(HarnessFlavour.Cde, "Listing a repository's branches");
        var answer = (await this.SendAsync(HttpMethod.Get, this.routes.ListBranches(repoType, repoUrl, search), null, HarnessJsonContext.Default.HarnessBranchListing, $"list the branches of {RedactUserInfo(repoUrl)}", null, cancellationToken)).Body;
        return answer.Branches ?? [];
    }

    /// <summary>Runs an action; actions are idempotent on the control plane, so a failed attempt is retried.</summary>
    /// <param name="id">The gitspace identifier.</param>
    /// <param name="action"><c>start</c>, <c>stop</c> or <c>reset</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The gitspace with its optimistic state (<c>starting</c>, <c>stopping</c>, <c>cleaning</c>).</returns>
    public async Task<HarnessGitspaceConfig> ActionAsync(string id, string action, CancellationToken cancellationToken)
    {
        if (action is not ("start" or "stop" or "reset"))
        {
            throw GitspaceException.InvalidParams("$.action", $"Invalid params: action '{action}' is not start, stop or reset.");
        }

        var body = JsonContent(new HarnessActionRequest { Action = action }, HarnessJsonContext.Default.HarnessActionRequest);
        return (await this.SendAsync(HttpMethod.Post, this.routes.Actions(id), body, HarnessJsonContext.Default.HarnessGitspaceConfig, $"{action} gitspace '{id}'", id, cancellationToken, retrySafe: true)).Body;
    }

    /// <summary>Deletes a gitspace; the control plane tears it down asynchronously.</summary>
    /// <param name="id">The gitspace identifier.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the control plane accepted the deletion.</returns>
    public async Task DeleteGitspaceAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await this.SendRawAsync(HttpMethod.Delete, this.routes.Gitspace(id), null, $"delete gitspace '{id}'", id, retrySafe: true, HarnessHttpClients.Api, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    /// <summary>
    /// Lists one page of a gitspace's events, newest first. The open-source server pages events; the hosted API takes
    /// no paging parameters and answers every event at once (its spec lists none), so there the first page is the whole
    /// history unless the answer carries paging headers of its own.
    /// </summary>
    /// <param name="id">The gitspace identifier.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="limit">The page size (the open-source server's; the hosted API's first page ignores it).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public async Task<HarnessPage<HarnessEvent>> ListEventsAsync(string id, int page, int limit, CancellationToken cancellationToken)
    {
        var unpaged = this.Connection.Flavour == HarnessFlavour.Cde && page == 1;
        var route = unpaged ? this.routes.Events(id) : this.routes.Events(id, page, limit);
        var (items, headers) = await this.SendAsync(HttpMethod.Get, route, null, HarnessJsonContext.Default.ListHarnessEvent, $"read the events of gitspace '{id}'", id, cancellationToken);
        var result = ToPage(items, page, headers);
        return unpaged && result.TotalPages is null ? result with { TotalPages = 1 } : result;
    }

    /// <summary>Lists every event of a gitspace, newest first.</summary>
    /// <param name="id">The gitspace identifier.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The events.</returns>
    public Task<IReadOnlyList<HarnessEvent>> ListAllEventsAsync(string id, CancellationToken cancellationToken) =>
        ReadAllPagesAsync((page, ct) => this.ListEventsAsync(id, page, PageSize, ct), e => (e.Timestamp, e.Event), cancellationToken);

    /// <summary>Returns the log of a gitspace's latest instance, whole (hosted CDE).</summary>
    /// <param name="id">The gitspace identifier.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The log text; <see langword="null"/> when there is no log yet (the API answers a nullable string).</returns>
    public async Task<string?> GetLogsAsync(string id, CancellationToken cancellationToken)
    {
        this.Require(HarnessFlavour.Cde, "A full log fetch");
        return (await this.SendCoreAsync(HttpMethod.Get, this.routes.Logs(id), null, HarnessJsonContext.Default.String, $"read the log of gitspace '{id}'", id, retrySafe: false, allowNull: true, cancellationToken)).Body;
    }

    /// <summary>
    /// Follows the log of the operation running on a gitspace (open-source server): each <c>log_line_appended</c>
    /// event until the server's <c>eof</c>. The server keeps no log once the operation ends.
    /// </summary>
    /// <param name="id">The gitspace identifier.</param>
    /// <param name="cancellationToken">Stops following.</param>
    /// <returns>The lines as they arrive.</returns>
    public async IAsyncEnumerable<HarnessLogLine> StreamLogsAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        this.Require(HarnessFlavour.Oss, "A live log stream");
        var operation = $"follow the log of gitspace '{id}'";
        using var response = await this.SendRawAsync(HttpMethod.Get, this.routes.LogStream(id), null, operation, id, retrySafe: false, HarnessHttpClients.Stream, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var parser = SseParser.Create(stream);
        await using var events = parser.EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await events.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (HarnessErrors.FromTransport(ex, this.Connection.Endpoint, operation) is { } mapped)
            {
                throw mapped;
            }

            var item = events.Current;
            if (item.EventType == "error")
            {
                // "eof" ends the stream normally; anything else is the server giving up on it.
                yield break;
            }

            if (item.EventType != "log_line_appended")
            {
                continue;
            }

            HarnessLogLine? line;
            try
            {
                line = JsonSerializer.Deserialize(item.Data, HarnessJsonContext.Default.HarnessLogLine);
            }
            catch (JsonException ex)
            {
                throw HarnessErrors.Malformed(operation, ex);
            }

            if (line is not null)
            {
                yield return line;
            }
        }
    }

    /// <summary>Looks a repository up: its default branch and whether it is private.</summary>
    /// <param name="url">The repository URL (http or https).</param>
    /// <param name="repoType">The repository type (see <see cref="HarnessRepoTypes"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The repository.</returns>
    public async Task<HarnessRepository> LookupRepoAsync(string url, string repoType, CancellationToken cancellationToken)
    {
        var request = new HarnessLookupRepoRequest { Url = url, RepoType = repoType, SpaceRef = this.routes.SpaceRef };
        var body = JsonContent(request, HarnessJsonContext.Default.HarnessLookupRepoRequest);
        return (await this.SendAsync(HttpMethod.Post, this.routes.LookupRepo(), body, HarnessJsonContext.Default.HarnessRepository, $"look up repository {RedactUserInfo(url)}", null, cancellationToken, retrySafe: true)).Body;
    }

    /// <summary>Lists the infrastructure gitspaces can run on (hosted, self-hosted), for a picker.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The infra provider configs.</returns>
    public async Task<IReadOnlyList<HarnessInfraProvider>> ListInfraProvidersAsync(CancellationToken cancellationToken) =>
        (await this.SendAsync(HttpMethod.Get, this.routes.InfraProviders(), null, HarnessJsonContext.Default.ListHarnessInfraProvider, "list infra providers", null, cancellationToken)).Body;

    /// <summary>Lists the machine types of one infra provider, for a picker.</summary>
    /// <param name="infraProvider">The infra provider config identifier.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The machine types.</returns>
    public async Task<IReadOnlyList<HarnessInfraResource>> ListInfraResourcesAsync(string infraProvider, CancellationToken cancellationToken)
    {
        var operation = $"list the machines of infra provider '{infraProvider}'";
        if (this.Connection.Flavour == HarnessFlavour.Cde)
        {
            return (await this.SendAsync(HttpMethod.Get, this.routes.InfraResources(infraProvider), null, HarnessJsonContext.Default.ListHarnessInfraResource, operation, null, cancellationToken)).Body;
        }

        var config = (await this.SendAsync(HttpMethod.Get, this.routes.InfraResources(infraProvider), null, HarnessJsonContext.Default.HarnessInfraProvider, operation, null, cancellationToken)).Body;
        return config.Resources ?? [];
    }

    /// <summary>Returns the JWT that opens VS Code Web through the gateway (hosted CDE). A secret: never log it.</summary>
    /// <param name="id">The gitspace identifier.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token.</returns>
    public async Task<string> GetGitspaceTokenAsync(string id, CancellationToken cancellationToken)
    {
        this.Require(HarnessFlavour.Cde, "A VS Code Web token");
        var operation = $"get the VS Code Web token of gitspace '{id}'";
        var answer = (await this.SendAsync(HttpMethod.Get, this.routes.Token(id), null, HarnessJsonContext.Default.HarnessGitspaceToken, operation, id, cancellationToken)).Body;
        return string.IsNullOrEmpty(answer.GitspaceToken)
            ? throw HarnessErrors.Malformed(operation, new JsonException("gitspace_token is missing"))
            : answer.GitspaceToken;
    }

    internal static string RedactUserInfo(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.ToString()
            : url;

    /// <summary>
    /// Reads page after page until the last. A page that brings nothing not already read also ends it: a server (or a
    /// proxy) that ignores <c>page</c> would otherwise be asked for the same page up to <see cref="MaxPages"/> times.
    /// </summary>
    private static async Task<IReadOnlyList<T>> ReadAllPagesAsync<T, TKey>(Func<int, CancellationToken, Task<HarnessPage<T>>> readPage, Func<T, TKey> key, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        var seen = new HashSet<TKey>();
        for (var page = 1; page <= MaxPages; page++)
        {
            var current = await readPage(page, cancellationToken);
            var added = 0;
            foreach (var item in current.Items.Where(item => seen.Add(key(item))))
            {
                all.Add(item);
                added++;
            }

            if (added == 0 || !current.HasMore(PageSize))
            {
                break;
            }
        }

        return all;
    }

    private static HarnessPage<T> ToPage<T>(List<T> items, int page, HttpResponseHeaders headers) => new()
    {
        Items = items,
        Page = page,
        Total = Header(headers, "x-total") is { } total && long.TryParse(total, NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : null,
        TotalPages = Header(headers, "x-total-pages") is { } pages && int.TryParse(pages, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null,
    };

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static ByteArrayContent JsonContent<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private void Require(HarnessFlavour flavour, string what)
    {
        if (this.Connection.Flavour != flavour)
        {
            var where = flavour == HarnessFlavour.Cde ? "the hosted Harness CDE" : "the open-source Harness server";
            throw new GitspaceException(ErrorCodes.NotSupported, $"{what} is offered only by {where}.", new ErrorData { Kind = nameof(ErrorCodes.NotSupported), Provider = HarnessErrors.Provider });
        }
    }

    private async Task<(T Body, HttpResponseHeaders Headers)> SendAsync<T>(HttpMethod method, string url, HttpContent? content, JsonTypeInfo<T> typeInfo, string operation, string? gitspaceId, CancellationToken cancellationToken, bool retrySafe = false)
    {
        var (body, headers) = await this.SendCoreAsync(method, url, content, typeInfo, operation, gitspaceId, retrySafe, allowNull: false, cancellationToken);
        return (body!, headers);
    }

    /// <summary>Sends a request and reads its JSON answer; <paramref name="allowNull"/> where the API documents the body as nullable.</summary>
    private async Task<(T? Body, HttpResponseHeaders Headers)> SendCoreAsync<T>(HttpMethod method, string url, HttpContent? content, JsonTypeInfo<T> typeInfo, string operation, string? gitspaceId, bool retrySafe, bool allowNull, CancellationToken cancellationToken)
    {
        using var response = await this.SendRawAsync(method, url, content, operation, gitspaceId, retrySafe, HarnessHttpClients.Api, HttpCompletionOption.ResponseContentRead, cancellationToken);
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception ex) when (HarnessErrors.FromTransport(ex, this.Connection.Endpoint, operation) is { } mapped)
        {
            throw mapped;
        }

        try
        {
            var body = JsonSerializer.Deserialize(text, typeInfo);
            return body is null && !allowNull ? throw new JsonException("the body is null") : (body, response.Headers);
        }
        catch (JsonException ex)
        {
            throw HarnessErrors.Malformed(operation, ex);
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string url, HttpContent? content, string operation, string? gitspaceId, bool retrySafe, string clientName, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.UserAgent.Add(UserAgent);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(clientName == HarnessHttpClients.Stream ? "text/event-stream" : "application/json"));
        if (this.Connection.Flavour == HarnessFlavour.Cde)
        {
            request.Headers.TryAddWithoutValidation("x-api-key", this.token);
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", this.token);
        }

        if (retrySafe)
        {
            request.Options.Set(HarnessHttpClients.RetrySafe, true);
        }

        var client = this.httpClientFactory.CreateClient(clientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, completion, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && HarnessErrors.FromTransport(ex, this.Connection.Endpoint, operation) is { } mapped)
        {
            throw mapped;
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await ReadErrorBodyAsync(response, cancellationToken);
            throw HarnessErrors.FromStatus(response.StatusCode, body, operation, gitspaceId);
        }
    }

    private static async Task<string> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            // Error bodies are small; a proxy's page might not be, so read a bounded prefix.
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[16 * 1024];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            return Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return string.Empty;
        }
    }
}
