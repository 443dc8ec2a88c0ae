namespace Gitspaces.Providers.Harness.Api;

/// <summary>A Harness <c>InfraProviderConfig</c>: hosted or self-hosted infrastructure and its machine types.</summary>
public sealed record HarnessInfraProvider
{
    /// <summary>Gets the identifier (what <c>infra_provider_config_identifier</c> names).</summary>
    public required string Identifier { get; init; }

    /// <summary>Gets the display name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the type (<c>docker</c>, <c>harness_gcp</c>, <c>hybrid_vm_gcp</c>, <c>hybrid_vm_aws</c>, …).</summary>
    public string? Type { get; init; }

    /// <summary>Gets the machine types, when the server embeds them.</summary>
    public IReadOnlyList<HarnessInfraResource>? Resources { get; init; }

    /// <summary>Gets the owning space path.</summary>
    public string? SpacePath { get; init; }
}
