using System.Text;
using Gitspaces.Core.Errors;
using Gitspaces.Docker.Engine;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Channels.Tests.Ports;

/// <summary>
/// The port channel against the real engine, in a container that has neither socat, nc nor curl: the helper is
/// copied in, a connection reaches a server inside, the watcher sees ports open and close, and containers that are
/// not the gitspace's are refused.
/// </summary>
[Collection(ChannelTests.Name)]
public sealed class DockerPortChannelTests(DockerTestRun environment)
{
    private static readonly EngineClient Engine = new(DockerEndpoint.Resolve(null, Environment.GetEnvironmentVariable));

    [Fact]
    public void TheWatchersLinesAreParsed()
    {
        Assert.Equal([22, 3000], DockerPortChannel.ParsePorts("ports 22 3000"));
        Assert.Equal([], DockerPortChannel.ParsePorts("ports"));
        Assert.Null(DockerPortChannel.ParsePorts("something else"));
    }

    [Fact]
    public async Task AConnectionReachesAServerInside_AndTheWatcherSeesItsPortOpenAndClose()
    {
        var id = environment.Name("ports");
        var foreign = environment.Name("ports-foreign");
        DockerCli.Docker("run", "-d", "--name", "gitspace-" + id, "--label", "dev.gitspaces.provider=docker", "--label", "dev.gitspaces.id=" + id, "--label", """devcontainer.metadata=[{"forwardPorts":[18200],"portsAttributes":{"18200":{"label":"Echo"}}}]""", DockerTestRun.BaseImage, "sleep", "infinity");
        DockerCli.Docker("run", "-d", "--name", "gitspace-" + foreign, DockerTestRun.BaseImage, "sleep", "infinity");
        try
        {
            var channel = new DockerPortChannel(Engine, null);
            Assert.Equal(ErrorCodes.GitspaceNotFound, (await Assert.ThrowsAsync<GitspaceException>(() => channel.OpenPortChannelAsync(foreign, 80, null, CancellationToken.None))).Code);
            Assert.Equal(ErrorCodes.InvalidParams, (await Assert.ThrowsAsync<GitspaceException>(() => channel.OpenPortChannelAsync(id, 0, null, CancellationToken.None))).Code);
            Assert.Equal(ErrorCodes.NotSupported, (await Assert.ThrowsAsync<GitspaceException>(() => channel.OpenPortChannelAsync(id, 80, "db", CancellationToken.None))).Code);

            var settings = await channel.GetPortSettingsAsync(id, CancellationToken.None);
            Assert.Equal(18200, Assert.Single(settings.Forward).Port);
            Assert.Equal("Echo", settings.AttributesOf(18200).Label);

            using var watching = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await using var watch = channel.WatchListeningPortsAsync(id, watching.Token).GetAsyncEnumerator(watching.Token);
            Assert.True(await watch.MoveNextAsync());
            Assert.DoesNotContain(18200, watch.Current);

            // A listener on another loopback address (as Docker's DNS on 127.0.0.11 of a compose network) cannot be reached
            // through a forward, which dials 127.0.0.1: it is listening before the echo server starts, and never reported.
            DockerCli.Docker("exec", "-d", "gitspace-" + id, "perl", "-MIO::Socket::IP", "-e", "$s = IO::Socket::IP->new(LocalHost => '127.0.0.11', LocalPort => 18202, Listen => 5) or die; sleep 600");
            DockerCli.Docker("exec", "gitspace-" + id, "sh", "-c", "until grep -q '0B00007F:471A 00000000:0000 0A' /proc/net/tcp; do sleep 0.1; done");

            // A line-echo server (Perl: the image has no socat or nc) on the loopback only.
            DockerCli.Docker("exec", "-d", "gitspace-" + id, "perl", "-MIO::Socket::IP", "-e", "$| = 1; $s = IO::Socket::IP->new(LocalHost => '127.0.0.1', LocalPort => 18200, Listen => 5, ReuseAddr => 1) or die; while ($c = $s->accept) { $c->autoflush(1); while (<$c>) { print $c \"echo: $_\" } close $c }");
            Assert.True(await watch.MoveNextAsync());
            Assert.Contains(18200, watch.Current);
            Assert.DoesNotContain(18202, watch.Current);

            await using (var stream = await channel.OpenPortChannelAsync(id, 18200, null, CancellationToken.None))
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes("hello\n"));
                var buffer = new byte[64];
                var answer = new StringBuilder();
                while (!answer.ToString().EndsWith('\n'))
                {
                    var read = await stream.ReadAsync(buffer);
                    Assert.NotEqual(0, read);
                    answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                Assert.Equal("echo: hello\n", answer.ToString());
            }

            // Nothing on a port: the connection ends at once, without bytes.
            await using (var refused = await channel.OpenPortChannelAsync(id, 18201, null, CancellationToken.None))
            {
                Assert.Equal(0, await refused.ReadAsync(new byte[16]));
            }

            DockerCli.Docker("exec", "gitspace-" + id, "pkill", "-f", "LocalPort => 18200");
            Assert.True(await watch.MoveNextAsync());
            Assert.DoesNotContain(18200, watch.Current);

            // The watch ends with the container.
            DockerCli.Docker("stop", "-t", "0", "gitspace-" + id);
            Assert.False(await watch.MoveNextAsync());
            Assert.Equal(ErrorCodes.InvalidState, (await Assert.ThrowsAsync<GitspaceException>(() => channel.OpenPortChannelAsync(id, 18200, null, CancellationToken.None))).Code);
        }
        finally
        {
            DockerCli.Run("docker", "rm", "-f", "gitspace-" + id, "gitspace-" + foreign);
        }
    }
}
