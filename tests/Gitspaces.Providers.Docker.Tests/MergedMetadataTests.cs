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
    public void AnInvalidOrMissingLabelHasNoEntries()
    {
        Assert.Empty(MergedMetadata.EntriesIn(null));
        Assert.Empty(MergedMetadata.EntriesIn(new Dictionary<string, string> { [DockerLabels.Metadata] = "not json" }));
    }
}
