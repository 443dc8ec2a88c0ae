namespace Gitspaces.Providers.Harness.Api;

/// <summary>What the account could offer (<c>TypesAvailableSettings</c>): per infra provider type, its regions and their machines.</summary>
public sealed record HarnessAvailableSettings
{
    /// <summary>Gets the regions and machines per infra provider type.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<HarnessRegionMachines>>? InfraProviderResources { get; init; }
}
