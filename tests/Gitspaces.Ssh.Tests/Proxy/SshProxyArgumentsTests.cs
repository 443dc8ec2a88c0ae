using Gitspaces.Ssh.Proxy;
using Xunit;

namespace Gitspaces.Ssh.Tests.Proxy;

public class SshProxyArgumentsTests
{
    [Fact]
    public void The_command_lines_the_registry_writes_parse()
    {
        Assert.Equal(new SshProxyArguments(null, "docker", "my-repo"), SshProxyArguments.Parse(["ssh-proxy", "--provider", "docker", "my-repo"]));
        Assert.Equal(new SshProxyArguments("/tmp/state dir", "harness", "abc"), SshProxyArguments.Parse(["ssh-proxy", "--home", "/tmp/state dir", "--provider", "harness", "abc"]));
    }

    [Theory]
    [InlineData("ssh-proxy")]
    [InlineData("ssh-proxy --provider docker")]
    [InlineData("ssh-proxy docker my-repo")]
    [InlineData("ssh-proxy --provider docker my-repo extra")]
    [InlineData("ssh-proxy --provider --home x")]
    [InlineData("list --provider docker x")]
    public void Anything_else_is_not_an_ssh_proxy_command_line(string line)
    {
        Assert.Null(SshProxyArguments.Parse(line.Split(' ')));
    }
}
