using System.Diagnostics;
using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Jsonc;

namespace Gitspaces.DevContainers.Tests.Jsonc;

public sealed class JsoncParserTests
{
    [Theory]
    [InlineData("""{"a":1, "b":[1,2,],}""", """{"a":1,"b":[1,2]}""")]
    [InlineData("""{"a":1,"a":2}""", """{"a":2}""")]
    [InlineData("""{"a":1 "b":2}""", """{"a":1,"b":2}""")]
    [InlineData("""{"a": foo, "b": 1}""", """{"b":1}""")]
    [InlineData("// c\n{ /* x */ \"a\": [1, /* y */ 2] }", """{"a":[1,2]}""")]
    [InlineData("""{"b":1,"2":2,"1":1,"01":0}""", """{"1":1,"2":2,"b":1,"01":0}""")]
    [InlineData("""{"n":[1.0,1e21,1e400,-0,0.1,1e-7]}""", """{"n":[1,1e+21,null,0,0.1,1e-7]}""")]
    [InlineData("{\"s\":\"abc\n}", """{"s":"abc"}""")]
    [InlineData("""{"a":{"b":1""", """{"a":{"b":1}}""")]
    public void ReadsAsJsoncParserDoes(string text, string expected)
    {
        var document = JsoncParser.Parse(text, 64);
        Assert.Equal(expected, document.Root!.ToJsonString());
    }

    [Fact]
    public void KeepsLineAndColumnOfEveryValue()
    {
        var document = JsoncParser.Parse("{\n  \"image\": \"debian\",\r\n  \"build\": { \"args\": { \"A\": 1 } }\n}", 64);
        var root = document.Root!.AsObject();

        Assert.Equal((2, 12), document.LineColumnOf(document.OffsetOf(root["image"])));
        Assert.Equal((3, 29), document.LineColumnOf(document.OffsetOf(root["build"]!["args"]!["A"])));
        Assert.Equal((3, 3), document.LineColumnOf(document.OffsetOfProperty(root, "build")));
    }

    [Fact]
    public void ReportsTrailingCommasAndDuplicatesWithoutFailing()
    {
        var document = JsoncParser.Parse("""{"a":1,"a":2,}""", 64);

        Assert.Contains(document.Errors, e => e.Code == DiagnosticCodes.DuplicateKey);
        Assert.Contains(document.Errors, e => e.Code == DiagnosticCodes.TrailingComma);
        Assert.DoesNotContain(document.Errors, e => e.Code == DiagnosticCodes.SyntaxError);
    }

    [Fact]
    public void StopsAtTheNestingLimitQuickly()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);
        var watch = Stopwatch.StartNew();

        var document = JsoncParser.Parse(text, 64);

        Assert.True(document.NestingTooDeep);
        Assert.Null(document.Root);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("   // only a comment", false)]
    [InlineData("null", true)]
    [InlineData("[1]", true)]
    public void TellsAnEmptyTextFromANonObject(string text, bool hasValue)
    {
        var document = JsoncParser.Parse(text, 64);
        Assert.Equal(hasValue, document.HasValue);
        Assert.IsNotType<JsonObject>(document.Root);
    }
}
