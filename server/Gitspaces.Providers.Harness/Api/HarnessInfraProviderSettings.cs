namespace Gitspaces.Providers.Harness.Api;

/// <summary>The account's settings for one infra provider type: which machines, and after how long idle gitspaces stop.</summary>
public sealed record HarnessInfraProviderSettings
{
    /// <summary>Gets the machine allow or deny list (resource identifiers).</summary>
    public HarnessAccessList? AccessList { get; init; }

    /// <summary>Gets after how many idle minutes gitspaces stop.</summary>
    public int? AutoStoppingTimeInMins { get; init; }

    /// <summary>Gets the infra provider type.</summary>
    public string? InfraProviderType { get; init; }
}
