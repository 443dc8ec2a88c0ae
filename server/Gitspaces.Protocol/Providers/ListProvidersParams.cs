namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>providers/list</c>.</summary>
public sealed record ListProvidersParams
{
    /// <summary>Gets a value indicating whether to skip the reachability check (faster).</summary>
    public bool? SkipCheck { get; init; }
}
