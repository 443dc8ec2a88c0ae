using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Jsonc;

namespace Gitspaces.DevContainers.Tests.Jsonc;

public sealed class JsonStringifyTests
{
    // Expected texts are what node's JSON.stringify prints for the same values.
    [Fact]
    public void WritesWhatJsonStringifyWrites()
    {
        var document = JsoncParser.Parse(
            """{"q\"b\\":"\u0001\u001f\b\f\n\r\t\u007f é 😀 \ud800x \udc00", "n":[1,-2.5,1e21,0.000001,null,true,false], "2":{}, "a":[]}""",
            64);

        var text = JsonStringify.Stringify(document.Root);

        Assert.Equal("{\"2\":{},\"q\\\"b\\\\\":\"\\u0001\\u001f\\b\\f\\n\\r\\t\u007f é 😀 \\ud800x \\udc00\",\"n\":[1,-2.5,1e+21,0.000001,null,true,false],\"a\":[]}", text);
    }

    [Fact]
    public void WritesNumbersOfAnyBackingAndNull()
    {
        Assert.Equal("[1,2,3.5,null]", JsonStringify.Stringify(new JsonArray(1, 2L, 3.5, null)));
        Assert.Equal("null", JsonStringify.Stringify(null));
    }
}
