using Gitspaces.Ssh.Launch;
using Xunit;

namespace Gitspaces.Ssh.Tests.Launch;

public class LinkOpenerTests
{
    private const string Link = "jetbrains-gateway://connect#type=ssh&host=gitspace-x;rm -rf ~&user=$(id)";

    [Fact]
    public void On_Linux_xdg_open_gets_the_link_as_one_argument_without_a_shell()
    {
        var start = new LinkOpener().CreateStartInfo(Link);

        Assert.Equal("xdg-open", start.FileName);
        Assert.False(start.UseShellExecute);
        Assert.Equal([Link], start.ArgumentList);
    }

    [Fact]
    public async Task The_opener_runs_and_its_exit_code_comes_back()
    {
        // test(1) exits 0 for one non-empty argument and 2 when a shell would have split the link into words.
        Assert.Equal(0, await new LinkOpener("/usr/bin/test").OpenAsync(Link, CancellationToken.None));
        Assert.Equal(1, await new LinkOpener("/bin/false").OpenAsync(Link, CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_opener_is_reported_with_the_link_to_open_by_hand()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new LinkOpener("/nonexistent/xdg-open").OpenAsync(Link, CancellationToken.None));

        Assert.Contains(Link, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("--help")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("vscode://x\ny")]
    public void Anything_but_an_editor_link_is_refused(string link)
    {
        Assert.NotNull(LinkOpener.Check(link));
        Assert.Throws<ArgumentException>(() => new LinkOpener().CreateStartInfo(link));
    }
}
