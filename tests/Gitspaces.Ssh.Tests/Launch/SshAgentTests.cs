using System.Net.Sockets;
using Gitspaces.Ssh.Launch;
using Xunit;

namespace Gitspaces.Ssh.Tests.Launch;

public sealed class SshAgentTests
{
    [Fact]
    public void Without_SSH_AUTH_SOCK_the_user_is_told_no_agent_runs() =>
        Assert.StartsWith("No SSH agent is running on this machine (SSH_AUTH_SOCK is not set)", SshAgent.Problem(_ => null));

    [Fact]
    public void A_socket_nobody_answers_on_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), "gitspaces-agent-test-" + Guid.NewGuid().ToString("N")[..8]);
        Assert.Contains($"The SSH agent at {path} is not running", SshAgent.Problem(name => name == "SSH_AUTH_SOCK" ? path : null), StringComparison.Ordinal);
    }

    [Fact]
    public void A_listening_agent_is_no_problem()
    {
        var path = Path.Combine(Path.GetTempPath(), "gitspaces-agent-test-" + Guid.NewGuid().ToString("N")[..8]);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        try
        {
            Assert.Null(SshAgent.Problem(name => name == "SSH_AUTH_SOCK" ? path : null));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
