using Gitspaces.Server.Cli;

namespace Gitspaces.Server.Tests.Cli;

public sealed class CommandSelectionTests
{
    public static TheoryData<string> EveryNameAndAlias =>
        [.. CommandLineApp.CreateRoot(CommandSelection.All).Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name))];

    [Theory]
    [MemberData(nameof(EveryNameAndAlias))]
    public void ACommandLineThatNamesACommand_BuildsThatCommandAlone(string name)
    {
        var root = CommandLineApp.CreateRoot(CommandSelection.For([name, "--json"]));

        var command = Assert.Single(root.Subcommands);
        Assert.True(command.Name == name || command.Aliases.Contains(name), $"'{name}' built '{command.Name}'");
    }

    [Theory]
    [InlineData]
    [InlineData("--help")]
    [InlineData("--version")]
    [InlineData("")]
    public void HelpVersionAndAnEmptyLine_BuildEverything(params string[] args)
    {
        Assert.Equal(CommandSelection.All, CommandSelection.For(args));
        Assert.True(CommandLineApp.CreateRoot(CommandSelection.For(args)).Subcommands.Count >= 15);
    }

    [Fact]
    public void ATypo_BuildsNothing_SoTheAppFallsBackToEverythingAndItsSuggestions()
    {
        Assert.Empty(CommandLineApp.CreateRoot(CommandSelection.For(["strat", "x"])).Subcommands);
    }
}
