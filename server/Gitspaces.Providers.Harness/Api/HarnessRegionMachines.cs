namespace Gitspaces.Providers.Harness.Api;

/// <summary>The machine types of one region (<c>TypesGitspaceRegionMachines</c>).</summary>
public sealed record HarnessRegionMachines
{
    /// <summary>Gets the region.</summary>
    public string? Region { get; init; }

    /// <summary>Gets the region's display name.</summary>
    public string? RegionDisplayName { get; init; }

    /// <summary>Gets the machine types.</summary>
    public IReadOnlyList<HarnessInfraResource>? MachineTypes { get; init; }
}
