using System.Net;
using System.Text;
using Gitspaces.TestSupport;

namespace Gitspaces.Docker.Engine.Tests;

/// <summary>
/// The engine client against the real engine: every call the hot paths make, what the engine answers for things
/// that do not exist, and an engine that is not there.
/// </summary>
[Collection(EngineTests.Name)]
public sealed class EngineClientTests(DockerTestRun environment)
{
    private static readonly EngineClient Engine = new(DockerEndpoint.Resolve(null, Environment.GetEnvironmentVariable));

    [Fact]
    public async Task ListsInspectsStartsExecsUploadsAndReadsBack_AsTheEngineSees()
    {
        var id = environment.Name("engine");
        var name = "gitspace-" + id;
        var label = "dev.gitspaces.test-run=" + environment.RunId;
        DockerCli.Docker("create", "--name", name, "--label", "dev.gitspaces.provider=docker", "--label", "dev.gitspaces.id=" + id, "--label", label, DockerTestRun.BaseImage, "sleep", "infinity");
        try
        {
            await Engine.CreateVolumeAsync(name + "-workspace", new Dictionary<string, string> { ["dev.gitspaces.test-run"] = environment.RunId, ["dev.gitspaces.provider"] = "docker" }, CancellationToken.None);

            var listed = Assert.Single(await Engine.ListContainersAsync([label, "dev.gitspaces.id=" + id], CancellationToken.None));
            Assert.Equal("created", listed.State);
            Assert.Contains("/" + name, listed.Names);
            Assert.Equal(DockerTestRun.BaseImage, listed.Image);
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
        var image = await Engine.InspectImageAsync(DockerTestRun.BaseImage, CancellationToken.None);
        Assert.NotNull(image);
        Assert.StartsWith("sha256:", image.Id, StringComparison.Ordinal);
        Assert.Equal(DockerCli.Docker("image", "inspect", "-f", "{{.Id}}", DockerTestRun.BaseImage), image.Id);
        Assert.Null(await Engine.InspectImageAsync("gitspaces-no-such-image:" + environment.RunId, CancellationToken.None));

        var name = "gitspace-" + environment.Name("created");
        var body = Encoding.UTF8.GetBytes($$$"""
            {"Image":"{{{DockerTestRun.BaseImage}}}","Cmd":["sleep","300"],"Env":["GREETING=hi"],"Labels":{"dev.gitspaces.test-run":"{{{environment.RunId}}}"},"HostConfig":{"CapAdd":["SYS_PTRACE"],"Init":true}}
            """);
        try
        {
            var id = await Engine.CreateContainerAsync(name, body, CancellationToken.None);

            Assert.Equal(id, DockerCli.Docker("inspect", "-f", "{{.Id}}", name));
            Assert.Equal("[SYS_PTRACE] true", DockerCli.Docker("inspect", "-f", "{{.HostConfig.CapAdd}} {{.HostConfig.Init}}", name));
            Assert.Contains("GREETING=hi", DockerCli.Docker("inspect", "-f", "{{.Config.Env}}", name), StringComparison.Ordinal);
            var refused = await Assert.ThrowsAsync<EngineException>(() => Engine.CreateContainerAsync(name, body, CancellationToken.None));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        }
        finally
        {
            DockerCli.Run("docker", "rm", "-f", name);
        }
    }

    [Fact]
    public async Task AnAttachMadeBeforeTheStart_SeesEveryFrameByStream_AndEndsWithTheContainer()
    {
        var name = "gitspace-" + environment.Name("attach");
        DockerCli.Docker("create", "--name", name, "--label", "dev.gitspaces.test-run=" + environment.RunId, DockerTestRun.BaseImage, "sh", "-c", "echo first; echo second >&2; printf third");
        try
        {
            await using var output = await Engine.AttachAsync(name, CancellationToken.None);
            await Engine.StartContainerAsync(name, CancellationToken.None);
            var stdout = new MemoryStream();
            var stderr = new MemoryStream();
            var buffer = new byte[8192];

            while ((await output.ReadOutputAsync(buffer, CancellationToken.None)) is (> 0 and var count, var fromStandardError))
            {
                (fromStandardError ? stderr : stdout).Write(buffer, 0, count);
            }

            Assert.Equal("first\nthird", Encoding.UTF8.GetString(stdout.ToArray()));
            Assert.Equal("second\n", Encoding.UTF8.GetString(stderr.ToArray()));
        }
        finally
        {
            DockerCli.Run("docker", "rm", "-f", name);
        }
    }

    [Fact]
    public async Task WhatDoesNotExist_IsNullOrTheEnginesOwn404()
    {
        var missing = "gitspace-" + environment.Name("no-such-container");
        Assert.Null(await Engine.InspectContainerAsync(missing, CancellationToken.None));
        var refused = await Assert.ThrowsAsync<EngineException>(() => Engine.StartContainerAsync(missing, CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains(missing, refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<EngineException>(() => Engine.CreateExecAsync(missing, new EngineExecCreate { Cmd = ["true"] }, CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<EngineException>(() => Engine.AttachAsync(missing, CancellationToken.None))).StatusCode);
    }

    [Fact]
    public async Task AnEngineThatIsNotThere_FailsToConnect_NotWithAnAnswer()
    {
        var socket = Path.Combine(TempDirectory.Create("no-engine"), "docker.sock");
        var endpoint = DockerEndpoint.Resolve(null, name => name == "DOCKER_HOST" ? "unix://" + socket : null);
        var engine = new EngineClient(endpoint);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => engine.ListContainersAsync(["dev.gitspaces.provider=docker"], CancellationToken.None));

        // A transport failure, not an answer: the provider tells the two apart to say "the engine does not answer".
        Assert.IsNotType<EngineException>(failure);
        Assert.IsType<System.Net.Sockets.SocketException>(failure, exactMatch: false);
    }
}
