using Gitspaces.Ssh.Launch;
using Xunit;

namespace Gitspaces.Ssh.Tests.Launch;

public class SshCommandLineTests
{
    [Fact]
    public void An_interactive_session_asks_for_a_terminal_and_starts_in_the_folder()
    {
        Assert.Equal(
            ["-t", "--", "gitspace-x", "cd '/workspaces/my repo' && exec \"$SHELL\" -l"],
            SshCommandLine.Build("gitspace-x", "/workspaces/my repo", []));
    }

    [Fact]
    public void Without_a_folder_it_is_plain_ssh()
    {
        Assert.Equal(["--", "gitspace-x"], SshCommandLine.Build("gitspace-x", null, []));
    }

    [Fact]
    public void A_command_is_read_by_the_remote_shell_as_ssh_does()
    {
        Assert.Equal(
            ["-F", "/cfg", "--", "gitspace-x", "cd /w && ls | wc -l"],
            SshCommandLine.Build("gitspace-x", "/w", ["ls", "|", "wc", "-l"], "/cfg"));
    }

    [Fact]
    public async Task A_missing_ssh_program_is_reported_with_what_to_do()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SshCommandLine.RunAsync(["--", "x"], CancellationToken.None, "/nonexistent/ssh"));

        Assert.Contains("Install the OpenSSH client", error.Message, StringComparison.Ordinal);
    }
}
