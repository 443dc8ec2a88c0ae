namespace Gitspaces.DevContainers.Features;

/// <summary>Where a Feature comes from.</summary>
public enum FeatureSourceKind
{
    /// <summary>An OCI registry (<c>ghcr.io/devcontainers/features/go:1</c>), including auto-mapped legacy ids.</summary>
    Oci,

    /// <summary>A tarball URL whose file name is <c>devcontainer-feature-&lt;id&gt;.tgz</c>.</summary>
    Tarball,

    /// <summary>A folder under <c>.devcontainer/</c> (<c>./myFeature</c>).</summary>
    Local,
}
