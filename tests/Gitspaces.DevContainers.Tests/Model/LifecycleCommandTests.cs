using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Model;

namespace Gitspaces.DevContainers.Tests.Model;

public sealed class LifecycleCommandTests
{
    [Theory]
    [InlineData("\"npm ci && npm test\"", "npm ci && npm test")]
    [InlineData("""["make", "test", "-j 2"]""", "make test -j 2")]
    [InlineData("""{"build": "make", "lint": ["eslint", "."]}""", "{build, lint} in parallel")]
    public void DescribesEachFormOnOneLine(string json, string expected)
    {
        var command = LifecycleCommand.FromJson(JsonNode.Parse(json))!;

        Assert.Equal(expected, command.ToString());
    }

    [Fact]
    public void WritesBackWhatItRead()
    {
        const string json = """{"a":"echo a","b":["echo","b"]}""";

        Assert.Equal(json, LifecycleCommand.FromJson(JsonNode.Parse(json))!.ToJson().ToJsonString());
    }
}
