namespace Gitspaces.Providers.Harness;

/// <summary>A repository as a Harness create names it.</summary>
/// <param name="Type">The repository type (<c>code_repo_type</c>).</param>
/// <param name="Ref">The path inside Harness (<c>code_repo_ref</c>) of its own repositories.</param>
/// <param name="Branch">The branch to check out; <see langword="null"/> leaves it to the control plane.</param>
internal sealed record HarnessResolvedRepository(string Type, string? Ref, string? Branch);
