namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>providers/configure</c>.</summary>
public sealed record ConfigureProviderParams
{
    /// <summary>Gets the provider id.</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the endpoint: a control-plane URL for <c>harness</c>, a Docker host (<c>unix://</c>, <c>tcp://</c>, <c>npipe://</c>) for <c>docker</c>.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Gets the Harness account identifier.</summary>
    public string? AccountIdentifier { get; init; }

    /// <summary>Gets the Harness organization identifier.</summary>
    public string? OrgIdentifier { get; init; }

    /// <summary>Gets the Harness project identifier.</summary>
    public string? ProjectIdentifier { get; init; }

    /// <summary>Gets the Harness space path, for the open-source server flavour.</summary>
    public string? SpacePath { get; init; }

    /// <summary>Gets the API token. Stored with 0600 permissions; never logged, echoed or put in argv.</summary>
    public string? Token { get; init; }

    /// <summary>Gets the API flavour: <c>cde</c> (hosted Harness CDE, default) or <c>oss</c> (open-source Harness server).</summary>
    public string? Flavour { get; init; }
}
