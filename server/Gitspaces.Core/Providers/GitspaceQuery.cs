using Gitspaces.Protocol;

namespace Gitspaces.Core.Providers;

/// <summary>A validated <c>gitspaces/list</c> filter.</summary>
public sealed record GitspaceQuery
{
    /// <summary>Gets text the id or display name contains (case-insensitive).</summary>
    public string? Text { get; init; }

    /// <summary>Gets the states to keep; all when absent.</summary>
    public IReadOnlySet<GitspaceState>? States { get; init; }

    /// <summary>Gets whose gitspaces (<see cref="GitspaceOwner"/>).</summary>
    public string Owner { get; init; } = GitspaceOwner.Self;

    /// <summary>Gets the order (<see cref="GitspaceListSort"/>).</summary>
    public string Sort { get; init; } = GitspaceListSort.Created;

    /// <summary>Gets a value indicating whether the query keeps a gitspace.</summary>
    /// <param name="gitspace">The gitspace.</param>
    /// <returns>Whether it matches the text and the states.</returns>
    public bool Matches(Gitspace gitspace)
    {
        ArgumentNullException.ThrowIfNull(gitspace);
        return (this.States is null || this.States.Contains(gitspace.State))
            && (string.IsNullOrEmpty(this.Text)
                || gitspace.Id.Contains(this.Text, StringComparison.OrdinalIgnoreCase)
                || gitspace.Name.Contains(this.Text, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Returns when a gitspace counts for the order, newest first.</summary>
    /// <param name="gitspace">The gitspace.</param>
    /// <returns>Its creation time, or when it was last used (its last change when the provider does not know).</returns>
    public DateTimeOffset OrderKey(Gitspace gitspace)
    {
        ArgumentNullException.ThrowIfNull(gitspace);
        return this.Sort == GitspaceListSort.LastUsed ? gitspace.LastUsedAt ?? gitspace.UpdatedAt : gitspace.CreatedAt;
    }
}
