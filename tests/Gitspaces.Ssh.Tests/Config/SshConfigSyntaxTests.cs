using Gitspaces.Ssh.Config;
using Xunit;

namespace Gitspaces.Ssh.Tests.Config;

public class SshConfigSyntaxTests
{
    [Theory]
    [InlineData("/usr/local/bin/gitspaces")]
    [InlineData("/Users/Jane Doe/Library/Application Support/gitspaces/gitspaces")]
    [InlineData("it's got 'quotes' and $HOME and `ticks` and \"dq\"")]
    [InlineData("")]
    [InlineData("semi;colon&amp|pipe*")]
    public async Task PosixQuote_gives_the_shell_back_the_exact_word(string word)
    {
        var result = await Run.ProgramAsync("sh", ["-c", "printf '%s' " + SshConfigSyntax.PosixQuote(word)]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(word, result.StandardOutput);
    }

    [Theory]
    [InlineData(@"C:\Program Files\gitspaces\gitspaces.exe", "\"C:\\Program Files\\gitspaces\\gitspaces.exe\"")]
    [InlineData(@"C:\tools\gitspaces.exe", @"C:\tools\gitspaces.exe")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\dir with space\", "\"C:\\dir with space\\\\\"")]
    [InlineData("", "\"\"")]
    public void WindowsQuote_follows_the_C_runtime_rules(string argument, string expected)
    {
        Assert.Equal(expected, SshConfigSyntax.WindowsQuote(argument));
    }

    [Fact]
    public void ProxyCommand_doubles_percent_signs_so_ssh_does_not_expand_them()
    {
        Assert.Equal("/opt/gs ssh-proxy '100%%'", SshConfigSyntax.ProxyCommand(["/opt/gs", "ssh-proxy", "100%"], windows: false));
    }
}
