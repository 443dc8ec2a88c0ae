namespace Gitspaces.Protocol;

/// <summary>Result of <c>gitspaces/list</c>.</summary>
public sealed record ListGitspacesResult
{
    /// <summary>Gets the gitspaces, newest first.</summary>
    public required IReadOnlyList<Gitspace> Gitspaces { get; init; }

    /// <summary>Gets providers that could not be listed, with why; the list holds what the others returned.</summary>
    public IReadOnlyList<ProviderProblem>? Problems { get; init; }
}
