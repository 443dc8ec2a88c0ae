namespace Gitspaces.Protocol;

/// <summary>The repository a gitspace was made from.</summary>
public sealed record GitspaceRepository
{
    /// <summary>Gets the clone URL (or local path) as the user gave it, without credentials.</summary>
    public required string Url { get; init; }

    /// <summary>Gets the checked-out branch.</summary>
    public string? Branch { get; init; }

    /// <summary>Gets the commit that was checked out at creation.</summary>
    public string? Commit { get; init; }

    /// <summary>Gets the kind of git host, where the provider keeps it (see <see cref="RepositorySource.Type"/>).</summary>
    public string? Type { get; init; }
}
