namespace Gitspaces.Providers.Harness.Api;

/// <summary>A Harness <c>InfraProviderResource</c>: a machine type in a region, for the machine picker.</summary>
public sealed record HarnessInfraResource
{
    /// <summary>Gets the resource identifier (what <c>resource_identifier</c> names).</summary>
    public required string Identifier { get; init; }

    /// <summary>Gets the display name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the infra provider config it belongs to.</summary>
    public string? ConfigIdentifier { get; init; }

    /// <summary>Gets the infra provider config's display name.</summary>
    public string? ConfigName { get; init; }

    /// <summary>Gets the CPU count (an integer string, or <c>any</c>).</summary>
    public string? Cpu { get; init; }

    /// <summary>Gets the memory size (for example <c>8GB</c>).</summary>
    public string? Memory { get; init; }

    /// <summary>Gets the disk size (for example <c>30GB</c>).</summary>
    public string? Disk { get; init; }

    /// <summary>Gets the network class.</summary>
    public string? Network { get; init; }

    /// <summary>Gets the region.</summary>
    public string? Region { get; init; }

    /// <summary>Gets the owning space path.</summary>
    public string? SpacePath { get; init; }

    /// <summary>Gets the infra provider type (<c>docker</c>, <c>harness_gcp</c>, <c>hybrid_vm_aws</c>, …).</summary>
    public string? InfraProviderType { get; init; }
}
