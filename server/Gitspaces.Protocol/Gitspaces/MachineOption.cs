namespace Gitspaces.Protocol;

/// <summary>A machine a hosted gitspace can run on: what <see cref="ResourceSpec"/> names, with what to show.</summary>
public sealed record MachineOption
{
    /// <summary>Gets the infra provider (<see cref="ResourceSpec.InfraProvider"/>).</summary>
    public required string InfraProvider { get; init; }

    /// <summary>Gets the infra provider's display name.</summary>
    public string? InfraProviderName { get; init; }

    /// <summary>Gets <c>hosted</c> (the provider's machines) or <c>self-hosted</c> (the account's own infrastructure).</summary>
    public string? Hosting { get; init; }

    /// <summary>Gets the machine type (<see cref="ResourceSpec.MachineType"/>).</summary>
    public required string MachineType { get; init; }

    /// <summary>Gets the machine type's display name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the region (<see cref="ResourceSpec.Region"/>).</summary>
    public string? Region { get; init; }

    /// <summary>Gets the region's display name.</summary>
    public string? RegionName { get; init; }

    /// <summary>Gets the CPU count, as the provider gives it.</summary>
    public string? Cpu { get; init; }

    /// <summary>Gets the memory size, as the provider gives it (for example <c>8GB</c>).</summary>
    public string? Memory { get; init; }

    /// <summary>Gets the disk size, as the provider gives it.</summary>
    public string? Disk { get; init; }

    /// <summary>Gets after how many idle minutes the provider stops a gitspace on this machine, when it does.</summary>
    public int? AutoStopMinutes { get; init; }
}
