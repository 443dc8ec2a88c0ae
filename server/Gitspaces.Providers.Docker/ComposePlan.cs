namespace Gitspaces.Providers.Docker;

/// <summary>The Docker Compose properties of a devcontainer.json.</summary>
/// <param name="Files">The compose files, absolute, in the order they are merged (none: compose's own default in the configuration's folder).</param>
/// <param name="Service">The service the editor connects to.</param>
/// <param name="RunServices">The services to start, or <see langword="null"/> for all of them.</param>
/// <param name="ShutdownAction"><c>stopCompose</c> (stop the whole project) or <c>none</c> (stop the service's container only).</param>
internal sealed record ComposePlan(IReadOnlyList<string> Files, string Service, IReadOnlyList<string>? RunServices, string ShutdownAction);
