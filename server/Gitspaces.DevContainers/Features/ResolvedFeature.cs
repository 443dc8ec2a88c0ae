namespace Gitspaces.DevContainers.Features;

/// <summary>A Feature ready to install: its place in the install order and the folder holding install.sh.</summary>
/// <param name="Step">The Feature, the user's value and its definition.</param>
/// <param name="Folder">The local folder, or the extracted download in the cache.</param>
public sealed record ResolvedFeature(FeatureInstallStep Step, string Folder);
