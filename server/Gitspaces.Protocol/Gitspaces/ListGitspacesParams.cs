namespace Gitspaces.Protocol;

/// <summary>
/// Parameters of <c>gitspaces/list</c>. The filters apply to every provider: one with the <c>listQuery</c> capability
/// filters on its side (a control plane answers less), the service filters what the others return.
/// </summary>
public sealed record ListGitspacesParams
{
    /// <summary>Gets the provider to list; every configured provider when absent.</summary>
    public string? Provider { get; init; }

    /// <summary>Gets text the id or the display name contains (case-insensitive); no filter when absent.</summary>
    public string? Query { get; init; }

    /// <summary>Gets the states to keep; every state when absent.</summary>
    public IReadOnlyList<GitspaceState>? States { get; init; }

    /// <summary>Gets whose gitspaces: <c>self</c> (the default) or <c>all</c> that the user may see (see <see cref="GitspaceOwner"/>); a provider of one user's gitspaces ignores it.</summary>
    public string? Owner { get; init; }

    /// <summary>Gets the order: <c>created</c> (the default) or <c>lastUsed</c>, newest first (see <see cref="GitspaceListSort"/>).</summary>
    public string? Sort { get; init; }
}
