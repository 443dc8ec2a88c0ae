using System.Globalization;

namespace Gitspaces.Providers.Harness;

/// <summary>
/// The paths of both API flavours (harness.md §2.1 and §2.2). The open-source server addresses a gitspace as
/// <c>&lt;space&gt;/&lt;id&gt;/+</c> (the terminated-path form its UI uses); the hosted API scopes by account, org and project.
/// </summary>
internal sealed class HarnessRoutes
{
    private readonly HarnessConnection connection;
    private readonly string apiBase;

    public HarnessRoutes(HarnessConnection connection)
    {
        this.connection = connection;
        this.apiBase = ApiBase(connection);
    }

    public HarnessFlavour Flavour => this.connection.Flavour;

    /// <summary>Gets the space path of the open-source flavour, whose root holds the default infrastructure.</summary>
    public string RootSpace => this.Space.Split('/')[0];

    /// <summary>
    /// Gets the <c>space_ref</c> create and lookup-repo carry: the configured space on the open-source server, and on the
    /// hosted API <c>account/org/project</c>, as its web UI sends it (<c>CDECreateGitspace.tsx</c>).
    /// </summary>
    public string SpaceRef => this.Flavour == HarnessFlavour.Cde
        ? $"{this.connection.AccountIdentifier}/{this.connection.OrgIdentifier}/{this.connection.ProjectIdentifier}"
        : this.Space;

    private string Space => this.connection.SpacePath ?? throw new InvalidOperationException("The open-source flavour needs a space path.");

    private string Project => $"{this.apiBase}/accounts/{Segment(this.connection.AccountIdentifier)}/orgs/{Segment(this.connection.OrgIdentifier)}/projects/{Segment(this.connection.ProjectIdentifier)}";

    private string Account => $"{this.apiBase}/accounts/{Segment(this.connection.AccountIdentifier)}";

    /// <summary>Returns the API base: the endpoint as given when it names a path, else the flavour's documented base.</summary>
    public static string ApiBase(HarnessConnection connection)
    {
        var root = connection.Endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var hasPath = connection.Endpoint.AbsolutePath.Trim('/').Length > 0;
        return connection.Flavour switch
        {
            HarnessFlavour.Cde => hasPath ? root : root + "/gateway/cde/api/v1",
            _ => hasPath ? root : root + "/api/v1",
        };
    }

    /// <summary>Returns the list path with its paging and filters (<c>app/api/request/gitspace.go</c> ParseGitspaceFilter; the CDE spec's listGitspaces).</summary>
    public string ListGitspaces(int page, int limit, HarnessListFilter? filter = null)
    {
        var query = new List<(string, string)> { ("page", Number(page)), ("limit", Number(limit)) };
        if (filter is not null)
        {
            if (filter.Query is { } text)
            {
                query.Add(("query", text));
            }

            query.AddRange(filter.States.Select(state => ("gitspace_states", state)));
            if (filter.Owner is { } owner)
            {
                query.Add(("gitspace_owner", owner));
            }

            if (filter.Sort is { } sort)
            {
                query.Add(("sort", sort));
                query.Add(("order", "desc"));
            }
        }

        var path = this.Flavour == HarnessFlavour.Cde ? $"{this.Project}/gitspaces" : $"{this.apiBase}/spaces/{SpaceSegments(this.Space)}/+/gitspaces";
        return this.Routed(path + Query(query));
    }

    public string CreateGitspace() => this.Routed(this.Flavour == HarnessFlavour.Cde ? $"{this.Project}/gitspaces" : $"{this.apiBase}/gitspaces");

    /// <summary>Returns a gitspace's path: find, update (PATCH) and delete.</summary>
    public string Gitspace(string id) => this.Routed(this.GitspaceBase(id));

    public string Actions(string id) => this.Routed(this.GitspaceBase(id) + "/actions");

    /// <summary>Returns the events path without paging: the hosted API takes no <c>page</c>/<c>limit</c> and answers every event.</summary>
    public string Events(string id) => this.Routed(this.GitspaceBase(id) + "/events");

    public string Events(string id, int page, int limit) =>
        this.Routed(this.GitspaceBase(id) + "/events" + Query([("page", Number(page)), ("limit", Number(limit))]));

    /// <summary>Returns the hosted API's full-log path.</summary>
    public string Logs(string id) => this.Routed(this.GitspaceBase(id) + "/logs");

    /// <summary>Returns the open-source server's SSE log stream path.</summary>
    public string LogStream(string id) => this.GitspaceBase(id) + "/logs/stream";

    public string Token(string id) => this.Routed(this.GitspaceBase(id) + "/token");

    public string LookupRepo() => this.Routed(this.Flavour == HarnessFlavour.Cde ? $"{this.Project}/gitspaces/lookup-repo" : $"{this.apiBase}/gitspaces/lookup-repo");

    /// <summary>Returns the hosted API's repository list of a connected git provider (<c>listGitspaceRepos</c>).</summary>
    public string ListRepos(string repoType, string search) =>
        this.Routed($"{this.Project}/gitspaces/list-repos" + Query([("repo_type", repoType), ("search_term", search)]));

    /// <summary>Returns the hosted API's branch list of a repository (<c>listGitspaceBranches</c>).</summary>
    public string ListBranches(string repoType, string repoUrl, string search) =>
        this.Routed($"{this.Project}/gitspaces/list-branches" + Query([("repo_type", repoType), ("repo_url", repoUrl), ("search_term", search)]));

    /// <summary>Returns the hosted account's gitspace settings (<c>findGitspaceSettings</c>).</summary>
    public string Settings() => this.Routed($"{this.Account}/gitspace-settings");

    public string InfraProviders() => this.Routed(this.Flavour == HarnessFlavour.Cde
        ? $"{this.Account}/infraproviders"
        : $"{this.apiBase}/spaces/{SpaceSegments(this.RootSpace)}/+/infraproviders");

    /// <summary>Returns the hosted API's machine list, or the open-source server's provider config (which embeds them).</summary>
    public string InfraResources(string infraProvider) => this.Routed(this.Flavour == HarnessFlavour.Cde
        ? $"{this.Account}/infraproviders/{Segment(infraProvider)}/resources"
        : $"{this.apiBase}/infraproviders/{SpaceSegments(this.RootSpace)}/{Segment(infraProvider)}/+");

    private static string Segment(string? value) => Uri.EscapeDataString(value ?? string.Empty);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Query(IEnumerable<(string Name, string Value)> parameters) =>
        "?" + string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));

    private static string SpaceSegments(string space) => string.Join('/', space.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Segment));

    private string GitspaceBase(string id) => this.Flavour == HarnessFlavour.Cde
        ? $"{this.Project}/gitspaces/{Segment(id)}"
        : $"{this.apiBase}/gitspaces/{SpaceSegments(this.Space)}/{Segment(id)}/+";

    /// <summary>
    /// Adds <c>routingId</c> (the account) to a hosted API path, as every request of the hosted web UI carries it
    /// (<c>web/src/App.tsx</c>: the gateway routes an account's requests by it).
    /// </summary>
    private string Routed(string url) => this.Flavour == HarnessFlavour.Cde
        ? url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "routingId=" + Segment(this.connection.AccountIdentifier)
        : url;
}
