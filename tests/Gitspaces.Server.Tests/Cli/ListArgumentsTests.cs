using Gitspaces.Server.Cli;

namespace Gitspaces.Server.Tests.Cli;

/// <summary>Which command lines <c>gitspaces list</c> runs without the command-line parser.</summary>
public sealed class ListArgumentsTests
{
    [Theory]
    [InlineData(new[] { "list" }, null, false)]
    [InlineData(new[] { "ls", "--json" }, null, true)]
    [InlineData(new[] { "list", "--provider", "docker" }, "docker", false)]
    [InlineData(new[] { "list", "-p", "harness", "--json" }, "harness", true)]
    [InlineData(new[] { "list", "--json", "--provider=docker" }, "docker", true)]
    public void PlainListsTakeTheFastPath(string[] args, string? provider, bool json)
    {
        Assert.True(ListArguments.TryParse(args, out var parsedProvider, out var parsedJson));
        Assert.Equal(provider, parsedProvider);
        Assert.Equal(json, parsedJson);
    }

    [Theory]
    [InlineData("")]
    [InlineData("get x")]
    [InlineData("list --help")]
    [InlineData("list -h")]
    [InlineData("list --bogus")]
    [InlineData("list --provider")]
    [InlineData("list --provider --json")]
    [InlineData("list --provider=")]
    [InlineData("list --json --json")]
    [InlineData("list -p docker -p harness")]
    [InlineData("list extra")]
    public void EverythingElseGoesThroughTheParser(string commandLine) =>
        Assert.False(ListArguments.TryParse(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries), out _, out _));
}
