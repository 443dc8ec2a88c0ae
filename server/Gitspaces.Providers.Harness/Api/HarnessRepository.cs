namespace Gitspaces.Providers.Harness.Api;

/// <summary>The answer of <c>lookup-repo</c>: the repository's default branch and privacy.</summary>
public sealed record HarnessRepository
{
    /// <summary>Gets the repository URL.</summary>
    public string? Url { get; init; }

    /// <summary>Gets the default branch.</summary>
    public string? Branch { get; init; }

    /// <summary>Gets a value indicating whether the repository needs credentials.</summary>
    public bool IsPrivate { get; init; }
}
