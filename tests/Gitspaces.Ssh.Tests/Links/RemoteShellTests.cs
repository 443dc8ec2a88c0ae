using Gitspaces.Ssh.Links;
using Xunit;

namespace Gitspaces.Ssh.Tests.Links;

public class RemoteShellTests
{
    [Fact]
    public void The_ssh_command_opens_a_login_shell_in_the_folder()
    {
        Assert.Equal(
            "ssh -t gitspace-x 'cd /workspaces/x && exec \"$SHELL\" -l'",
            RemoteShell.SshCommand(new SshTarget("gitspace-x", "vscode", 22, "/workspaces/x")));
        Assert.Equal(
            "ssh -t -p 2222 me@example.com 'cd /src && exec \"$SHELL\" -l'",
            RemoteShell.SshCommand(new SshTarget("example.com", "me", 2222, "/src")));
        Assert.Equal(
            "ssh -t -p 2222 me@gitspace-7f3a.example.com 'cd /src && exec \"$SHELL\" -l'",
            RemoteShell.SshCommand(new SshTarget("gitspace-7f3a.example.com", "me", 2222, "/src") { IsDirect = true }));
    }

    [Fact]
    public async Task The_ssh_command_survives_a_folder_with_quotes_and_spaces_through_two_shells()
    {
        var folder = "/workspaces/it's a \"repo\" $HOME";
        var command = RemoteShell.SshCommand(new SshTarget("gitspace-x", "vscode", 22, folder));

        // The local shell unquotes the remote command; the remote shell then runs it. Both are real sh here, with
        // `ssh` replaced by a function that runs the remote part locally, `cd` by printing its argument.
        var result = await Run.ProgramAsync("sh", ["-c", "ssh() { shift 2; sh -c \"cd() { printf '%s' \\\"\\$1\\\"; exit 0; }; $1\"; }; " + command]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(folder, result.StandardOutput);
    }
}
