using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Metadata;

namespace Gitspaces.Providers.Docker.Tests;

public sealed class MergedMetadataTests
{
    [Fact]
    public void TypesTheReferenceMergeAndKeepsWhoContributedEachCommand()
    {
        var config = JsonNode.Parse("""{"image":"x","postCreateCommand":["make"],"remoteUser":"dev","capAdd":["B"],"waitFor":"postCreateCommand"}""")!.AsObject();
        var labels = new Dictionary<string, string>
        {
            [DockerLabels.Metadata] = """[{"postCreateCommand":"base","init":true,"capAdd":["A"]},{"id":"ghcr.io/x/f:1","postCreateCommand":{"a":"one"},"postStartCommand":7}]""",
        };
        var entries = MergedMetadata.EntriesIn(labels);
        entries.Add(ImageMetadata.FromConfig(config));

        var merged = MergedMetadata.Merge(config, entries, ["image", "Feature 'ghcr.io/x/f:1'", "devcontainer.json"]);

        Assert.True(merged.Init);
        Assert.Equal(["A", "B"], merged.CapAdd);
        Assert.Equal("dev", merged.RemoteUser);
        Assert.Equal("postCreateCommand", merged.Lifecycle.WaitFor);
        Assert.Equal(
            [("image", "base"), ("Feature 'ghcr.io/x/f:1'", "{a} in parallel"), ("devcontainer.json", "make")],
            merged.Lifecycle.For(LifecycleHooks.PostCreate).Select(c => (c.Origin, c.Command.ToString())));
        Assert.Empty(merged.Lifecycle.For(LifecycleHooks.PostStart));
    }

    [Fact]
    public void MergesSubstitutedEntriesButKeepsThemAsWrittenForTheLabelWithoutEmptyOnes()
    {
        // The universal image's docker-in-docker volume, and a configuration that contributes nothing.
        var image = JsonNode.Parse("""{"mounts":[{"source":"dind-var-lib-docker-${devcontainerId}","target":"/var/lib/docker","type":"volume"}],"containerEnv":{"HOME_ON_HOST":"${localEnv:HOME}"},"postCreateCommand":"echo ${devcontainerId}","remoteEnv":{"P":"${localEnv:HOME}:${containerEnv:PATH}"}}""")!.AsObject();
        var config = JsonNode.Parse("""{"image":"x"}""")!.AsObject();
        static JsonNode? Substitute(JsonNode? node) => JsonNode.Parse(node!.ToJsonString().Replace("${devcontainerId}", "0abc", StringComparison.Ordinal).Replace("${localEnv:HOME}", "/home/me", StringComparison.Ordinal));

        var merged = MergedMetadata.Merge(config, [image, ImageMetadata.FromConfig(config)], ["image", "devcontainer.json"], Substitute);

        Assert.Equal("""{"source":"dind-var-lib-docker-0abc","target":"/var/lib/docker","type":"volume"}""", Assert.Single(merged.Mounts).ToJsonString());
        Assert.Equal("/home/me", merged.ContainerEnv["HOME_ON_HOST"]);
        Assert.Equal("echo 0abc", Assert.Single(merged.Lifecycle.For(LifecycleHooks.PostCreate)).Command.ShellCommand);
        Assert.Equal("/home/me:${containerEnv:PATH}", merged.Lifecycle.RemoteEnv!["P"]);
        Assert.Same(image, Assert.Single(merged.Entries));
        Assert.Contains("${devcontainerId}", image.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidOrMissingLabelHasNoEntries()
    {
        Assert.Empty(MergedMetadata.EntriesIn(null));
        Assert.Empty(MergedMetadata.EntriesIn(new Dictionary<string, string> { [DockerLabels.Metadata] = "not json" }));
    }
}
