namespace Gitspaces.Compose;

/// <summary>A service's <c>build:</c> section.</summary>
/// <param name="Context">The build context (absolute in <c>compose config</c> output).</param>
/// <param name="Dockerfile">The Dockerfile, relative to the context unless absolute.</param>
/// <param name="Target">The target stage.</param>
public sealed record ComposeBuild(string Context, string Dockerfile, string? Target);
