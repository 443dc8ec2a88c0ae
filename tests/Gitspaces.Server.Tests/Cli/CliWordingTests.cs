using Gitspaces.Server.Cli;

namespace Gitspaces.Server.Tests.Cli;

public sealed class CliWordingTests
{
    [Theory]
    [InlineData("Invalid params: name 'X y': use lower-case letters.", "name 'X y': use lower-case letters.")]
    [InlineData("Invalid params: ide 'notepad' is not one of vscode.", "ide 'notepad' is not one of vscode.")]
    [InlineData("Invalid params: repository.url is required (a clone URL or a local path).", "repository.url is required (a clone URL or a local path).")]
    [InlineData("List gitspaces with `gitspaces list` or gitspaces/list.", "List gitspaces with `gitspaces list`.")]
    [InlineData("Invalid params: devcontainerPath '../x' points outside the repository ($.devcontainerPath).", "devcontainerPath '../x' points outside the repository (--config).")]
    [InlineData("See the sidecar's log file for details.", "See the log file in $GITSPACES_HOME/logs for details.")]
    public void Messages_speak_of_the_command_and_its_options(string service, string person) => Assert.Equal(person, CliWording.ForPeople(service));
}
