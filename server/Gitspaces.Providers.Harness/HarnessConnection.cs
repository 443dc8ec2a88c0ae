namespace Gitspaces.Providers.Harness;

/// <summary>Where a Harness control plane is and which scope to work in. Holds no secret: the token travels apart.</summary>
public sealed record HarnessConnection
{
    /// <summary>Gets the control plane's URL as the user gave it (for example <c>https://app.harness.io</c>).</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>Gets the API flavour.</summary>
    public required HarnessFlavour Flavour { get; init; }

    /// <summary>Gets the account identifier (hosted CDE).</summary>
    public string? AccountIdentifier { get; init; }

    /// <summary>Gets the organization identifier (hosted CDE).</summary>
    public string? OrgIdentifier { get; init; }

    /// <summary>Gets the project identifier (hosted CDE).</summary>
    public string? ProjectIdentifier { get; init; }

    /// <summary>Gets the space path (open-source server), for example <c>myspace</c> or <c>acct/org/project</c>.</summary>
    public string? SpacePath { get; init; }
}
