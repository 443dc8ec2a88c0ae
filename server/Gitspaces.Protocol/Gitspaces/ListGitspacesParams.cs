namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>gitspaces/list</c>.</summary>
public sealed record ListGitspacesParams
{
    /// <summary>Gets the provider to list; every configured provider when absent.</summary>
    public string? Provider { get; init; }
}
