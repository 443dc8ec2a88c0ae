using System.Net;
using System.Text;
using Gitspaces.Core.Errors;
using Gitspaces.Core.State;
using Gitspaces.Protocol;
using Gitspaces.Providers.Docker.Engine;
using Gitspaces.Ssh.Keys;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

/// <summary>
/// The provider's own engine client and SSH channel against the real engine: every call the hot paths make, what the
/// engine answers for things that do not exist, an engine that is not there, and containers the proxy must refuse.
/// </summary>
[Collection(DockerTests.Name)]
public sealed class EngineClientTests(DockerEnvironment environment)
{
    private static readonly EngineClient Engine = new(DockerEndpoint.Resolve(null, Environment.GetEnvironmentVariable));

    [Fact]
    public async Task ListsInspectsStartsExecsUploadsAndReadsBack_AsTheEngineSees()
    {
        var id = environment.Name("engine");
        var name = "gitspace-" + id;
        var label = "dev.gitspaces.test-run=" + environment.RunId;
        DockerCli.Docker("create", "--name", name, "--label", "dev.gitspaces.provider=docker", "--label", "dev.gitspaces.id=" + id, "--label", label, DockerEnvironment.BaseImage, "sleep", "infinity");
        try
        {
            await Engine.CreateVolumeAsync(name + "-workspace", new Dictionary<string, string> { ["dev.gitspaces.test-run"] = environment.RunId, ["dev.gitspaces.provider"] = "docker" }, CancellationToken.None);

            var listed = Assert.Single(await Engine.ListContainersAsync([label, "dev.gitspaces.id=" + id], CancellationToken.None));
            Assert.Equal("created", listed.State);
            Assert.Contains("/" + name, listed.Names);
            Assert.Equal(DockerEnvironment.BaseImage, listed.Image);
            Assert.Equal(id, listed.Labels!["dev.gitspaces.id"]);
            Assert.True(listed.Created > 0);
            Assert.Equal(name + "-workspace", Assert.Single(await Engine.ListVolumesAsync([label], CancellationToken.None)).Name);

            await Engine.PutArchiveAsync(listed.Id, "/", TarArchives.FromFiles([new ArchiveFile("tmp/engine/hello.txt", Encoding.UTF8.GetBytes("hello\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite)]), CancellationToken.None);
            Assert.Equal("hello\n", await Engine.ReadFileAsync(listed.Id, "/tmp/engine/hello.txt", CancellationToken.None));
            Assert.Null(await Engine.ReadFileAsync(listed.Id, "/tmp/engine/missing.txt", CancellationToken.None));

            await Engine.StartContainerAsync(listed.Id, CancellationToken.None);
            await Engine.StartContainerAsync(listed.Id, CancellationToken.None); // already running: not an error
            var inspected = await Engine.InspectContainerAsync(name, CancellationToken.None);
            Assert.NotNull(inspected);
            Assert.True(inspected.State.Running);
            Assert.Equal("/" + name, inspected.Name);
            Assert.Equal(listed.Id, inspected.AsSummary("running").Id);

            // Output split by stream, line by line, and the exit code.
            var lines = new List<(string Stream, string Line)>();
            var exit = await ContainerExec.RunAsync(Engine, listed.Id, ["/bin/sh", "-c", "echo out; echo err >&2; printf 'no newline'; exit 7"], "root", "/tmp", ["GREETING=hi"], (s, l) => lines.Add((s, l)), CancellationToken.None);
            Assert.Equal(7, exit);
            Assert.Contains(("stdout", "out"), lines);
            Assert.Contains(("stderr", "err"), lines);
            Assert.Contains(("stdout", "no newline"), lines);

            var environmentLines = new List<string>();
            Assert.Equal(0, await ContainerExec.RunAsync(Engine, listed.Id, ["/bin/sh", "-c", "echo $GREETING $(pwd) $(id -un)"], "root", "/tmp", ["GREETING=hi"], (_, l) => environmentLines.Add(l), CancellationToken.None));
            Assert.Equal(["hi /tmp root"], environmentLines);

            // Stdin in, stdout back, end of input passed on: the SSH channel's shape.
            var exec = await Engine.CreateExecAsync(listed.Id, new EngineExecCreate { Cmd = ["cat"], AttachStdin = true }, CancellationToken.None);
            await using (var stream = await Engine.StartExecAsync(exec, CancellationToken.None))
            {
                var payload = new byte[200_000];
                Random.Shared.NextBytes(payload);
                var writing = Task.Run(async () =>
                {
                    await stream.WriteInputAsync(payload, CancellationToken.None);
                    stream.CloseWrite();
                });
                using var received = new MemoryStream();
                var buffer = new byte[8192];
                while ((await stream.ReadOutputAsync(buffer, CancellationToken.None)) is (> 0 and var count, false))
                {
                    received.Write(buffer, 0, count);
                }

                await writing;
                Assert.Equal(payload, received.ToArray());
            }

            await Engine.StopContainerAsync(listed.Id, TimeSpan.FromSeconds(1), CancellationToken.None);
            Assert.False((await Engine.InspectContainerAsync(listed.Id, CancellationToken.None))!.State.Running);
        }
        finally
        {
            DockerCli.Run("docker", "rm", "-f", name);
            DockerCli.Run("docker", "volume", "rm", "-f", name + "-workspace");
        }
    }

    [Fact]
    public async Task ImagesAreInspectedAndContainersCreated_FromOurOwnJson()
    {
        var image = await Engine.InspectImageAsync(DockerEnvironment.BaseImage, CancellationToken.None);
        Assert.NotNull(image);
        Assert.StartsWith("sha256:", image.Id, StringComparison.Ordinal);
        Assert.Equal(DockerCli.Docker("image", "inspect", "-f", "{{.Id}}", DockerEnvironment.BaseImage), image.Id);
        Assert.Null(await Engine.InspectImageAsync("gitspaces-no-such-image:" + environment.RunId, CancellationToken.None));

        var name = "gitspace-" + environment.Name("created");
        var parameters = new global::Docker.DotNet.Models.CreateContainerParameters
        {
            Name = name,
            Image = DockerEnvironment.BaseImage,
            Labels = new Dictionary<string, string> { ["dev.gitspaces.test-run"] = environment.RunId },
            Env = ["GREETING=hi"],
            Cmd = ["sleep", "300"],
            HostConfig = new global::Docker.DotNet.Models.HostConfig { CapAdd = ["SYS_PTRACE"], Init = true },
        };
        try
        {
            var id = await Engine.CreateContainerAsync(name, ContainerCreateJson.Write(parameters), CancellationToken.None);

            Assert.Equal(id, DockerCli.Docker("inspect", "-f", "{{.Id}}", name));
            Assert.Equal("[SYS_PTRACE] true", DockerCli.Docker("inspect", "-f", "{{.HostConfig.CapAdd}} {{.HostConfig.Init}}", name));
            Assert.Contains("GREETING=hi", DockerCli.Docker("inspect", "-f", "{{.Config.Env}}", name), StringComparison.Ordinal);
            var refused = await Assert.ThrowsAsync<EngineException>(() => Engine.CreateContainerAsync(name, ContainerCreateJson.Write(parameters), CancellationToken.None));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        }
        finally
        {
            DockerCli.Run("docker", "rm", "-f", name);
        }
    }

    [Fact]
    public Task AnAttachMadeBeforeTheStart_SeesEveryLineByStream_AndEndsWithTheContainer() =>
        WithCreatedContainerAsync("attach", "echo first; echo second >&2; printf third", async name =>
        {
            await using var output = await Engine.AttachAsync(name, CancellationToken.None);
            await Engine.StartContainerAsync(name, CancellationToken.None);
            var lines = new List<(string Stream, string Line)>();

            var stopped = await ContainerExec.ReadLinesAsync(output, (s, l) => { lines.Add((s, l)); return false; }, CancellationToken.None);

            Assert.False(stopped);
            Assert.Equal(["first", "third"], lines.Where(l => l.Stream == "stdout").Select(l => l.Line));
            Assert.Equal(["second"], lines.Where(l => l.Stream == "stderr").Select(l => l.Line));
        });

    [Fact]
    public Task ReadingStopsAtTheLineAskedFor_AndDetachingLeavesTheContainerRunning() =>
        WithCreatedContainerAsync("detach", "echo ready; echo after; exec sleep 300", async name =>
        {
            var seen = new List<string>();
            await using (var output = await Engine.AttachAsync(name, CancellationToken.None))
            {
                await Engine.StartContainerAsync(name, CancellationToken.None);

                Assert.True(await ContainerExec.ReadLinesAsync(output, (_, l) => { seen.Add(l); return l == "ready"; }, CancellationToken.None));
            }

            Assert.Equal(["ready"], seen);
            Assert.True((await Engine.InspectContainerAsync(name, CancellationToken.None))!.State.Running);
            Assert.Equal("ready\nafter", DockerCli.Docker("logs", name));
        });

    [Fact]
    public async Task WhatDoesNotExist_IsNullOrTheEnginesOwn404()
    {
        var missing = "gitspace-" + environment.Name("no-such-container");
        Assert.Null(await Engine.InspectContainerAsync(missing, CancellationToken.None));
        var refused = await Assert.ThrowsAsync<EngineException>(() => Engine.StartContainerAsync(missing, CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains(missing, refused.Message, StringComparison.Ordinal);
        Assert.True(DockerFailures.IsNotFound(refused));
        Assert.False(DockerFailures.IsUnreachable(refused));
        Assert.Equal(refused.Message, DockerFailures.EngineMessage(refused));
        await Assert.ThrowsAsync<EngineException>(() => Engine.CreateExecAsync(missing, new EngineExecCreate { Cmd = ["true"] }, CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<EngineException>(() => Engine.AttachAsync(missing, CancellationToken.None))).StatusCode);
    }

    [Fact]
    public async Task AnEngineThatIsNotThere_IsUnreachable_AndTheProxySaysSo()
    {
        var socket = Path.Combine(TempDirectory.Create("no-engine"), "docker.sock");
        var endpoint = DockerEndpoint.Resolve(null, name => name == "DOCKER_HOST" ? "unix://" + socket : null);
        var engine = new EngineClient(endpoint);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => engine.ListContainersAsync(["dev.gitspaces.provider=docker"], CancellationToken.None));
        Assert.True(DockerFailures.IsUnreachable(failure), failure.ToString());

        var channel = new DockerSshChannel(engine, null);
        var error = await Assert.ThrowsAsync<GitspaceException>(() => channel.OpenSshChannelAsync("anything", CancellationToken.None));
        Assert.Equal(ErrorCodes.ProviderUnavailable, error.Code);
        Assert.Contains(socket, error.Message, StringComparison.Ordinal);
        Assert.Contains("DOCKER_HOST", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSshChannel_RefusesUnknownForeignAndStoppedContainers_AndOpensSshdInOurs()
    {
        var channel = new DockerSshChannel(Engine, null);
        Assert.Equal(ErrorCodes.GitspaceNotFound, (await Assert.ThrowsAsync<GitspaceException>(() => channel.OpenSshChannelAsync(environment.Name("absent"), CancellationToken.None))).Code);

        // Our container's name, but not our labels (or another gitspace's): not ours to connect to.
        var foreign = environment.Name("foreign");
        var impostor = environment.Name("impostor");
        var ours = environment.Name("ours");
        DockerCli.Docker("run", "-d", "--name", "gitspace-" + foreign, DockerEnvironment.BaseImage, "sleep", "infinity");
        DockerCli.Docker("run", "-d", "--name", "gitspace-" + impostor, "--label", "dev.gitspaces.provider=docker", "--label", "dev.gitspaces.id=someone-else", DockerEnvironment.BaseImage, "sleep", "infinity");
        DockerCli.Docker("create", "--name", "gitspace-" + ours, "--label", "dev.gitspaces.provider=docker", "--label", "dev.gitspaces.id=" + ours, DockerEnvironment.BaseImage, "sleep", "infinity");
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

    /// <summary>Runs a test on a created (not started) container that runs a shell script, and removes it after.</summary>
    private async Task WithCreatedContainerAsync(string suffix, string script, Func<string, Task> test)
    {
        var name = "gitspace-" + environment.Name(suffix);
        DockerCli.Docker("create", "--name", name, "--label", "dev.gitspaces.test-run=" + environment.RunId, DockerEnvironment.BaseImage, "sh", "-c", script);
        try
        {
            await test(name);
        }
        finally
        {
            DockerCli.Run("docker", "rm", "-f", name);
        }
    }
}
