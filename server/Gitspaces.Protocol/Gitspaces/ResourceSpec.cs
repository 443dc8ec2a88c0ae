namespace Gitspaces.Protocol;

/// <summary>The machine a hosted gitspace runs on; chooses hosted or self-hosted infrastructure.</summary>
public sealed record ResourceSpec
{
    /// <summary>Gets the infra provider config identifier (for Harness).</summary>
    public string? InfraProvider { get; init; }

    /// <summary>Gets the resource (machine type) identifier.</summary>
    public string? MachineType { get; init; }

    /// <summary>Gets the region.</summary>
    public string? Region { get; init; }
}
