using System.Diagnostics;
using Gitspaces.Core.Ssh;

namespace Gitspaces.Ssh.Tests.Support;

/// <summary>
/// The test's own SSH channel: <c>docker exec -i &lt;container&gt; /usr/sbin/sshd -i -f &lt;config&gt;</c> as a child process
/// (the Docker provider's real channel talks to the engine directly).
/// </summary>
internal sealed class DockerExecSshChannelProvider : ISshChannelProvider
{
    public const string ProviderId = "test-docker";

    public string Id => ProviderId;

    public Task<Stream> OpenSshChannelAsync(string gitspaceId, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("docker");
        foreach (var argument in new[] { "exec", "-i", gitspaceId, "/usr/sbin/sshd", "-i", "-f", SshServerConfig.DefaultConfigPath })
        {
            start.ArgumentList.Add(argument);
        }

        return Task.FromResult<Stream>(new ProcessChannelStream(start));
    }
}
