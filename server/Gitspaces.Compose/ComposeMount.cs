namespace Gitspaces.Compose;

/// <summary>One entry of a service's <c>volumes:</c>.</summary>
/// <param name="Type"><c>bind</c>, <c>volume</c> or <c>tmpfs</c>.</param>
/// <param name="Source">The host path (bind), the volume name (named volume), or <see langword="null"/> (anonymous volume).</param>
/// <param name="Target">The path in the container.</param>
/// <param name="ReadOnly">Whether it is mounted read-only.</param>
public sealed record ComposeMount(string Type, string? Source, string Target, bool ReadOnly);
