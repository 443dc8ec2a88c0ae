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

    public string ListGitspaces(int page, int limit) => this.Flavour == HarnessFlavour.Cde
        ? $"{this.Project}/gitspaces?page={page.ToString(CultureInfo.InvariantCulture)}&limit={limit.ToString(CultureInfo.InvariantCulture)}"
        : $"{this.apiBase}/spaces/{SpaceSegments(this.Space)}/+/gitspaces?page={page.ToString(CultureInfo.InvariantCulture)}&limit={limit.ToString(CultureInfo.InvariantCulture)}";

    public string CreateGitspace() => this.Flavour == HarnessFlavour.Cde ? $"{this.Project}/gitspaces" : $"{this.apiBase}/gitspaces";

    public string Gitspace(string id) => this.Flavour == HarnessFlavour.Cde
        ? $"{this.Project}/gitspaces/{Segment(id)}"
        : $"{this.apiBase}/gitspaces/{SpaceSegments(this.Space)}/{Segment(id)}/+";

    public string Actions(string id) => this.Gitspace(id) + "/actions";

    /// <summary>Returns the events path without paging: the hosted API takes no <c>page</c>/<c>limit</c> and answers every event.</summary>
    public string Events(string id) => $"{this.Gitspace(id)}/events";

    public string Events(string id, int page, int limit) =>
        $"{this.Gitspace(id)}/events?page={page.ToString(CultureInfo.InvariantCulture)}&limit={limit.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Returns the hosted API's full-log path.</summary>
    public string Logs(string id) => this.Gitspace(id) + "/logs";

    /// <summary>Returns the open-source server's SSE log stream path.</summary>
    public string LogStream(string id) => this.Gitspace(id) + "/logs/stream";

    public string Token(string id) => this.Gitspace(id) + "/token";

    public string LookupRepo() => this.Flavour == HarnessFlavour.Cde ? $"{this.Project}/gitspaces/lookup-repo" : $"{this.apiBase}/gitspaces/lookup-repo";

    public string InfraProviders() => this.Flavour == HarnessFlavour.Cde
        ? $"{this.Account}/infraproviders"
        : $"{this.apiBase}/spaces/{SpaceSegments(this.RootSpace)}/+/infraproviders";

    /// <summary>Returns the hosted API's machine list, or the open-source server's provider config (which embeds them).</summary>
    public string InfraResources(string infraProvider) => this.Flavour == HarnessFlavour.Cde
        ? $"{this.Account}/infraproviders/{Segment(infraProvider)}/resources"
        : $"{this.apiBase}/infraproviders/{SpaceSegments(this.RootSpace)}/{Segment(infraProvider)}/+";

    private static string Segment(string? value) => Uri.EscapeDataString(value ?? string.Empty);

    private static string SpaceSegments(string space) => string.Join('/', space.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Segment));
}
