namespace Gitspaces.Protocol;

/// <summary>Result of <c>providers/list</c>.</summary>
public sealed record ListProvidersResult
{
    /// <summary>Gets every provider the server knows.</summary>
    public required IReadOnlyList<ProviderInfo> Providers { get; init; }
}
