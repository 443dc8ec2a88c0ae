using Gitspaces.DevContainers.Features;

namespace Gitspaces.DevContainers.Tests.Features;

public sealed class FeatureReferenceTests
{
    private const string Workspace = "/repo";
    private const string Config = "/repo/.devcontainer/devcontainer.json";

    [Theory]
    [InlineData("ghcr.io/devcontainers/features/go:1", "ghcr.io", "devcontainers/features/go", "1")]
    [InlineData("GHCR.io/Devcontainers/Features/Node", "ghcr.io", "devcontainers/features/node", "latest")]
    [InlineData("localhost:5000/features/x:2.0", "localhost:5000", "features/x", "2.0")]
    [InlineData("registry.example/org.name/my_feature-x.y/z9:_v1.0-rc", "registry.example", "org.name/my_feature-x.y/z9", "_v1.0-rc")]
    [InlineData("docker-in-docker", "ghcr.io", "devcontainers/features/docker-in-docker", "1")]
    [InlineData("golang", "ghcr.io", "devcontainers/features/go", "1")]
    public void ParsesOciReferences(string id, string registry, string path, string tag)
    {
        var reference = FeatureReference.TryParse(id, Config, Workspace, out var error);

        Assert.Null(error);
        Assert.Equal(FeatureSourceKind.Oci, reference!.Kind);
        Assert.Equal(registry, reference.Oci!.Registry);
        Assert.Equal(path, reference.Oci.Path);
        Assert.Equal(tag, reference.Oci.Tag);
    }

    [Fact]
    public void ParsesDigestsAndTarballs()
    {
        var digest = "sha256:" + new string('a', 64);
        Assert.Equal(digest, FeatureReference.TryParse($"ghcr.io/a/b@{digest}", Config, Workspace, out _)!.Oci!.Digest);

        var tarball = FeatureReference.TryParse("https://example.com/r/devcontainer-feature-go.tgz", Config, Workspace, out _)!;
        Assert.Equal(FeatureSourceKind.Tarball, tarball.Kind);
        Assert.Equal("go", tarball.Id);
    }

    [Fact]
    public void ConfinesLocalFeaturesToTheDevcontainerFolder()
    {
        var inside = FeatureReference.TryParse("./my-feature", Config, Workspace, out var error);
        Assert.Null(error);
        Assert.Equal(Path.GetFullPath("/repo/.devcontainer/my-feature"), inside!.LocalPath);
        Assert.Equal("my-feature", inside.Id);

        Assert.Null(FeatureReference.TryParse("../outside", Config, Workspace, out error));
        Assert.Contains("must be inside", error, StringComparison.Ordinal);
        Assert.Null(FeatureReference.TryParse("/etc/feature", Config, Workspace, out error));
        Assert.Contains("absolute", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("myfeature")]
    [InlineData("https://example.com/feature.tgz")]
    [InlineData("ghcr.io/a/b:bad tag")]
    [InlineData("ghcr.io/a/b:.starts-with-dot")]
    [InlineData("ghcr.io/a/b\n")]
    [InlineData("ghcr.io/a//b")]
    [InlineData("ghcr.io/a/b-")]
    [InlineData("ghcr.io/a/-b")]
    [InlineData("ghcr.io/a/b..c")]
    [InlineData("ghcr.io/a/b_/c")]
    [InlineData("ghcr.io/a/b@sha256:abc")]
    [InlineData("ghcr.io/a/b@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg")]
    public void RejectsWhatTheReferenceRejects(string id)
    {
        Assert.Null(FeatureReference.TryParse(id, Config, Workspace, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
