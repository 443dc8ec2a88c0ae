namespace Gitspaces.Protocol;

/// <summary>Result of <c>providers/configure</c>.</summary>
public sealed record ConfigureProviderResult
{
    /// <summary>Gets the provider with its new status.</summary>
    public required ProviderInfo Provider { get; init; }
}
