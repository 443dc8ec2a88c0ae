using Gitspaces.Server.Cli;
using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Cli;

public sealed class SelfCommandTests
{
    [Fact]
    public void The_printed_command_is_gitspaces_only_when_that_name_on_PATH_is_this_program()
    {
        var bin = TempDirectory.Create("self-bin");
        var program = Path.Combine(bin, "gitspaces");
        File.WriteAllText(program, string.Empty);
        var elsewhere = TempDirectory.Create("self-other");
        File.WriteAllText(Path.Combine(elsewhere, "gitspaces"), string.Empty);

        Assert.Equal("gitspaces", SelfCommand.For(program, bin));
        Assert.Equal(program, SelfCommand.For(program, "/usr/bin"));
        Assert.Equal(program, SelfCommand.For(program, elsewhere));
        Assert.Equal("gitspaces", SelfCommand.For("/usr/share/dotnet/dotnet", "/usr/bin"));
    }
}
