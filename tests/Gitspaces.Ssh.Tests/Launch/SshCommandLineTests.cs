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
    public void A_session_carries_its_forwards_before_the_alias() =>
        Assert.Equal(
            ["-F", "/c", "-R", "/tmp/in.sock:/here/s", "--", "gitspace-x"],
            SshCommandLine.Build("gitspace-x", null, [], "/c", SshCommandLine.RemoteSocketForward("/tmp/in.sock", "/here/s")));

    [Fact]
    public void A_forward_only_connection_has_no_terminal_no_agent_no_prompt_and_fails_when_the_forward_does() =>
        Assert.Equal(
            ["-T", "-o", "BatchMode=yes", "-o", "ForwardAgent=no", "-o", "ExitOnForwardFailure=yes", "-R", "/tmp/in.sock:/here/s", "--", "gitspace-x", "echo " + SshCommandLine.ForwardReadyLine + "; exec cat >/dev/null"],
            SshCommandLine.BuildForward("gitspace-x", SshCommandLine.RemoteSocketForward("/tmp/in.sock", "/here/s")));

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
