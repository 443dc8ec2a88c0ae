using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Metadata;

namespace Gitspaces.DevContainers.Tests.Metadata;

public sealed class ImageMetadataTests
{
    private static JsonObject Merge(string config, string label)
    {
        var configuration = JsonNode.Parse(config)!.AsObject();
        var entries = ImageMetadata.ParseLabel(label, out var error);
        Assert.Null(error);
        entries.Add(ImageMetadata.FromConfig(configuration));
        return ImageMetadata.Merge(configuration, entries);
    }

    [Fact]
    public void CollectsLifecycleCommandsInsteadOfReplacingThem()
    {
        var merged = Merge("""{"image":"x","postCreateCommand":"user"}""", """[{"postCreateCommand":"base"},{"id":"f","postCreateCommand":["feature"]}]""");

        Assert.Equal("""["base",["feature"],"user"]""", merged["postCreateCommands"]!.ToJsonString());
        Assert.False(merged.ContainsKey("postCreateCommand"));
        Assert.Equal("[]", merged["onCreateCommands"]!.ToJsonString());
    }

    [Fact]
    public void OrsBooleansAndUnionsLists()
    {
        var merged = Merge("""{"capAdd":["B","A"],"init":false}""", """[{"init":true,"capAdd":["A","C"],"securityOpt":["s"]}]""");

        Assert.True(merged["init"]!.GetValue<bool>());
        Assert.False(merged["privileged"]!.GetValue<bool>());
        Assert.Equal("""["A","C","B"]""", merged["capAdd"]!.ToJsonString());
        Assert.Equal("""["s"]""", merged["securityOpt"]!.ToJsonString());
    }

    [Fact]
    public void LastTruthyUserWinsAndEnvironmentMergesPerVariable()
    {
        var merged = Merge(
            """{"remoteUser":"","containerEnv":{"B":"config"},"remoteEnv":{"X":"1"}}""",
            """{"remoteUser":"vscode","containerUser":"root","containerEnv":{"A":"image","B":"image"}}""");

        Assert.Equal("vscode", merged["remoteUser"]!.GetValue<string>());
        Assert.Equal("root", merged["containerUser"]!.GetValue<string>());
        Assert.Equal("""{"A":"image","B":"config"}""", merged["containerEnv"]!.ToJsonString());
        Assert.Equal("""{"X":"1"}""", merged["remoteEnv"]!.ToJsonString());
    }

    [Fact]
    public void LastBooleanWinsForOverrideCommand()
    {
        var merged = Merge("""{"image":"x"}""", """[{"overrideCommand":false},{"overrideCommand":"yes"}]""");
        Assert.False(merged["overrideCommand"]!.GetValue<bool>());
    }

    [Fact]
    public void MountsKeepTheLastPerTargetAtItsPosition()
    {
        var merged = Merge(
            """{"mounts":["type=volume,src=b,dst=/b",{"type":"bind","source":"/host","target":"/a"}]}""",
            """[{"mounts":["source=old,target=/a,type=volume","type=volume,source=c,destination=/c"]}]""");

        Assert.Equal("""["type=volume,source=c,destination=/c","type=volume,src=b,dst=/b",{"type":"bind","source":"/host","target":"/a"}]""", merged["mounts"]!.ToJsonString());
    }

    [Fact]
    public void ForwardPortsTreatNAndLocalhostNAsOne()
    {
        var merged = Merge("""{"forwardPorts":["localhost:3000","db:5432",8080]}""", """{"forwardPorts":[3000,"db:5432"]}""");
        Assert.Equal("""[3000,"db:5432",8080]""", merged["forwardPorts"]!.ToJsonString());
    }

    [Fact]
    public void HostRequirementsTakeTheMaximumInBytes()
    {
        var merged = Merge("""{"hostRequirements":{"cpus":2,"memory":"4gb","gpu":"optional"}}""", """{"hostRequirements":{"cpus":4,"memory":"1024mb","storage":"1tb","gpu":{"cores":2}}}""");

        Assert.Equal("""{"cpus":4,"memory":"4294967296","storage":"1099511627776","gpu":{"cores":2}}""", merged["hostRequirements"]!.ToJsonString());
    }

    [Fact]
    public void CustomizationsAreCollectedPerTool()
    {
        var merged = Merge("""{"customizations":{"vscode":{"extensions":["b"]}}}""", """{"customizations":{"vscode":{"extensions":["a"]},"jetbrains":{"x":1}}}""");
        Assert.Equal("""{"vscode":[{"extensions":["a"]},{"extensions":["b"]}],"jetbrains":[{"x":1}]}""", merged["customizations"]!.ToJsonString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("42")]
    public void IgnoresABadLabel(string label)
    {
        var entries = ImageMetadata.ParseLabel(label, out var error);
        Assert.Empty(entries);
        Assert.NotNull(error);
    }

    [Fact]
    public void AFeaturesContainerEnvIsNotPartOfItsEntry()
    {
        var entry = ImageMetadata.FromFeature("ghcr.io/x/y:1", JsonNode.Parse("""{"id":"y","containerEnv":{"A":"1"},"init":true,"entrypoint":"/e.sh"}""")!.AsObject());
        Assert.Equal("""{"id":"ghcr.io/x/y:1","init":true,"entrypoint":"/e.sh"}""", entry.ToJsonString());
    }
}
