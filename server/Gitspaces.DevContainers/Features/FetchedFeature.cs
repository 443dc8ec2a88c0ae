namespace Gitspaces.DevContainers.Features;

/// <summary>A Feature downloaded and extracted into the cache.</summary>
/// <param name="Folder">The extracted folder (holds devcontainer-feature.json and install.sh).</param>
/// <param name="Digest">The layer's (or tarball's) <c>sha256:</c> digest.</param>
/// <param name="Definition">Its devcontainer-feature.json.</param>
public sealed record FetchedFeature(string Folder, string Digest, FeatureDefinition Definition);
