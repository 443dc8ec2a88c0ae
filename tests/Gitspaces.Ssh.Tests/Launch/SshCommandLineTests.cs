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
    public void Each_word_of_a_command_is_quoted_so_the_program_gets_exactly_those_arguments()
    {
        Assert.Equal(
            ["-F", "/cfg", "--", "gitspace-x", "cd /w && printf '%s|' 'a b' c"],
            SshCommandLine.Build("gitspace-x", "/w", ["printf", "%s|", "a b", "c"], "/cfg"));
        Assert.Equal(["--", "gitspace-x", "sh -c 'exit 7'"], SshCommandLine.Build("gitspace-x", null, ["sh", "-c", "exit 7"]));
    }

    [Fact]
    public async Task A_missing_ssh_program_is_reported_with_what_to_do()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SshCommandLine.RunAsync(["--", "x"], CancellationToken.None, "/nonexistent/ssh"));

        Assert.Contains("Install the OpenSSH client", error.Message, StringComparison.Ordinal);
    }
}
