using System.Text;
using Gitspaces.Core.Errors;
using Gitspaces.Core.State;
using Gitspaces.Docker.Engine;
using Gitspaces.Protocol;
using Gitspaces.Ssh.Keys;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Channels.Tests;

/// <summary>
/// The SSH channel the proxy opens, against the real engine: containers it must refuse, sshd in ours, an engine that
/// is not there, and an engine address that is not one.
/// </summary>
[Collection(ChannelTests.Name)]
public sealed class DockerSshChannelTests(DockerTestRun environment)
{
    private static readonly EngineClient Engine = new(DockerEndpoint.Resolve(null, Environment.GetEnvironmentVariable));

    [Fact]
    public async Task AnEngineThatIsNotThere_IsUnreachable_AndTheProxySaysSo()
    {
        var socket = Path.Combine(TempDirectory.Create("no-engine"), "docker.sock");
        var endpoint = DockerEndpoint.Resolve(null, name => name == "DOCKER_HOST" ? "unix://" + socket : null);
        var engine = new EngineClient(endpoint);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => engine.ListContainersAsync(["dev.gitspaces.provider=docker"], CancellationToken.None));
        Assert.True(EngineFailures.IsUnreachable(failure), failure.ToString());

        var channel = new DockerSshChannel(engine, null);
        var error = await Assert.ThrowsAsync<GitspaceException>(() => channel.OpenSshChannelAsync("anything", CancellationToken.None));
        Assert.Equal(ErrorCodes.ProviderUnavailable, error.Code);
        Assert.Contains(socket, error.Message, StringComparison.Ordinal);
        Assert.Contains("DOCKER_HOST", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADockerHostThatIsNotAnEngineAddress_IsInvalidParamsNamingIt()
    {
        var paths = StatePaths.FromEnvironment(name => name == "GITSPACES_HOME" ? TempDirectory.Create("bad-host") : null);

        var error = Assert.Throws<GitspaceException>(() => new DockerSshChannel(paths, name => name == "DOCKER_HOST" ? "docker.sock" : null));

        Assert.Equal(ErrorCodes.InvalidParams, error.Code);
        Assert.Equal("DOCKER_HOST", error.Details.Field);
        Assert.StartsWith("Invalid Docker host 'docker.sock' (DOCKER_HOST)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSshChannel_RefusesUnknownForeignAndStoppedContainers_AndOpensSshdInOurs()
    {
        var channel = new DockerSshChannel(Engine, null);
        Assert.Equal(DockerSshChannel.ProviderId, channel.Id);
        Assert.Equal(ErrorCodes.GitspaceNotFound, (await Assert.ThrowsAsync<GitspaceException>(() => channel.OpenSshChannelAsync(environment.Name("absent"), CancellationToken.None))).Code);

        // Our container's name, but not our labels (or another gitspace's): not ours to connect to.
        var foreign = environment.Name("foreign");
        var impostor = environment.Name("impostor");
        var ours = environment.Name("ours");
        DockerCli.Docker("run", "-d", "--name", "gitspace-" + foreign, DockerTestRun.BaseImage, "sleep", "infinity");
        DockerCli.Docker("run", "-d", "--name", "gitspace-" + impostor, "--label", "dev.gitspaces.provider=docker", "--label", "dev.gitspaces.id=someone-else", DockerTestRun.BaseImage, "sleep", "infinity");
        DockerCli.Docker("create", "--name", "gitspace-" + ours, "--label", "dev.gitspaces.provider=docker", "--label", "dev.gitspaces.id=" + ours, DockerTestRun.BaseImage, "sleep", "infinity");
        try
        {
            Assert.Equal(ErrorCodes.GitspaceNotFound, (await Assert.ThrowsAsync<GitspaceException>(() => channel.OpenSshChannelAsync(foreign, CancellationToken.None))).Code);
            Assert.Equal(ErrorCodes.GitspaceNotFound, (await Assert.ThrowsAsync<GitspaceException>(() => channel.OpenSshChannelAsync(impostor, CancellationToken.None))).Code);
            Assert.Equal(ErrorCodes.InvalidState, (await Assert.ThrowsAsync<GitspaceException>(() => channel.OpenSshChannelAsync(ours, CancellationToken.None))).Code);

            // With the gitspace's SSH files in place, the channel is sshd speaking SSH on stdout.
            var paths = StatePaths.FromEnvironment(name => name == "GITSPACES_HOME" ? TempDirectory.Create("engine-ssh") : null);
            var identity = new SshIdentityStore(paths).GetOrCreate("docker", ours);
            await Engine.PutArchiveAsync("gitspace-" + ours, "/", TarArchives.FromFiles(SshSetup.Files(identity, "root")), CancellationToken.None);
            DockerCli.Docker("start", "gitspace-" + ours);
            await using var stream = await channel.OpenSshChannelAsync(ours, CancellationToken.None);
            await stream.WriteAsync(Encoding.ASCII.GetBytes("SSH-2.0-gitspaces-test\r\n"));
            var banner = new byte[64];
            var read = await stream.ReadAsync(banner);
            Assert.StartsWith("SSH-2.0-OpenSSH", Encoding.ASCII.GetString(banner, 0, read), StringComparison.Ordinal);
        }
        finally
        {
            DockerCli.Run("docker", "rm", "-f", "gitspace-" + foreign, "gitspace-" + impostor, "gitspace-" + ours);
        }
    }
}
