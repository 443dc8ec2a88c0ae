namespace Gitspaces.Providers.Harness;

/// <summary>What a clone URL says about its repository, for Harness.</summary>
/// <param name="Type">The repository type (see <see cref="HarnessRepoTypes"/>).</param>
/// <param name="Ref">The repository's path inside Harness (<c>code_repo_ref</c>), for its own repositories.</param>
/// <param name="Certain">Whether the URL alone settles it; a guess is checked with <c>lookup-repo</c>.</param>
public sealed record HarnessRepoDetection(string Type, string? Ref, bool Certain);
