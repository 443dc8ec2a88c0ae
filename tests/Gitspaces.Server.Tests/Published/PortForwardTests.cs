using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Published;

/// <summary>
/// Port forwarding end to end with the published sidecar, the real engine and real curl: a web server inside a
/// gitspace (Perl, which the base image has) reached through <c>gitspaces forward</c> with many connections at once, a
/// 100 MB download and a WebSocket echo; a port detected without configuration and announced to an editor; a taken
/// <c>requireLocalPort</c>; forwards that end with their gitspace; and nothing listening but 127.0.0.1 here, nothing
/// published on the container.
/// </summary>
[Collection(PublishedProgramTests.Name)]
public sealed class PortForwardTests(DockerTestRun run)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_web_server_in_a_gitspace_is_reached_through_gitspaces_forward()
    {
        await using var user = await PublishedUser.CreateAsync();
        var name = run.Name("ports-web");
        await UpWithServerAsync(user, name, 18090);
        var big = DockerCli.Docker("exec", "gitspace-" + name, "sh", "-c", "head -c 104857600 /dev/urandom > /tmp/big && sha256sum /tmp/big").Split(' ')[0];

        var forward = user.Start(["forward", name, "18090"]);
        try
        {
            var line = await Run.ReadUntilAsync(forward.StandardOutput, "Ctrl-C stops", Patience);
            var url = line[line.IndexOf("http://", StringComparison.Ordinal)..].Split(' ')[0];
            var localPort = new Uri(url).Port;

            // 100 requests at once, each answered with its own path.
            var urls = Enumerable.Range(0, 100).Select(i => $"{url}r{i}").ToList();
            var curl = await Run.ProgramAsync("curl", ["--silent", "--show-error", "--fail", "--parallel", "--parallel-immediate", "--parallel-max", "100", .. urls.SelectMany(u => new[] { u, "-o", "-" })], timeout: Patience);
            Assert.True(curl.ExitCode == 0, curl.ToString());
            foreach (var i in Enumerable.Range(0, 100))
            {
                Assert.Contains($"hello /r{i}\n", curl.StandardOutput, StringComparison.Ordinal);
            }

            // 100 MB, intact.
            var file = Path.Combine(TempDirectory.Create("ports-download"), "big");
            var download = await Run.ProgramAsync("curl", ["--silent", "--show-error", "--fail", "-o", file, url + "file/tmp/big"], timeout: Patience);
            Assert.True(download.ExitCode == 0, download.ToString());
            await using (var stream = File.OpenRead(file))
            {
                Assert.Equal(big, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)));
            }

            // A WebSocket upgrade, then messages both ways.
            using (var socket = new ClientWebSocket())
            {
                await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{localPort}/ws"), CancellationToken.None);
                foreach (var message in new[] { "hello through the engine", new string('x', 70000) })
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, CancellationToken.None);
                    Assert.Equal(message, await ReceiveAsync(socket));
                }

                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            }

            // Only 127.0.0.1 here, and nothing published on the container.
            Assert.Equal([$"127.0.0.1:{localPort}"], ListenersOf(forward.Id));
            Assert.DoesNotContain(ListenersOf(null), l => l.EndsWith($":{localPort}", StringComparison.Ordinal) && l != $"127.0.0.1:{localPort}");
            Assert.Equal("{}", DockerCli.Docker("inspect", "-f", "{{json .NetworkSettings.Ports}}", "gitspace-" + name).Trim().Replace("null", "{}", StringComparison.Ordinal));
            Assert.Equal("{}", DockerCli.Docker("inspect", "-f", "{{json .HostConfig.PortBindings}}", "gitspace-" + name).Trim().Replace("null", "{}", StringComparison.Ordinal));

            // Ctrl-C ends the forward and its listener.
            await Run.CheckedAsync("kill", "-INT", forward.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await forward.WaitForExitAsync().WaitAsync(Patience);
            Assert.Equal(0, forward.ExitCode);
            Assert.NotEqual(0, (await Run.ProgramAsync("curl", ["--silent", url], timeout: Patience)).ExitCode);
        }
        finally
        {
            Stop(forward);
        }
    }

    [Fact]
    public async Task A_port_that_starts_listening_is_detected_announced_and_forwarded_over_rpc()
    {
        await using var user = await PublishedUser.CreateAsync();
        var name = run.Name("ports-detect");
        await UpWithServerAsync(user, name, null);
        await using var server = user.Serve();
        await server.InitializeAsync();

        // The first announcement lists what already listens: the watch is on from there.
        var initial = await server.WaitForAsync(m => m["method"]?.GetValue<string>() == Methods.PortsChanged && m["params"]!["id"]!.GetValue<string>() == name, Patience);
        Assert.DoesNotContain(initial["params"]!["ports"]!.AsArray(), p => p!["port"]!.GetValue<int>() == 18091);

        // Nothing configured this port: it is found in the gitspace's TCP table.
        DockerCli.Docker("exec", "-d", "gitspace-" + name, "perl", "/tmp/web-server.pl", "18091");
        var changed = await server.WaitForAsync(
            m => m["method"]?.GetValue<string>() == Methods.PortsChanged && m["params"]!["id"]!.GetValue<string>() == name && m["params"]!["opened"]!.AsArray().Any(p => p!.GetValue<int>() == 18091),
            Patience);
        var port = changed["params"]!["ports"]!.AsArray().Single(p => p!["port"]!.GetValue<int>() == 18091)!;
        Assert.True(port["listening"]!.GetValue<bool>());
        Assert.False(port["configured"]!.GetValue<bool>());
        Assert.Equal("notify", port["attributes"]!["onAutoForward"]!.GetValue<string>());
        await server.WaitForAsync(m => m["method"]?.GetValue<string>() == Methods.Event && m["params"]!["event"]!["type"]!.GetValue<string>() == EventTypes.PortDetected && m["params"]!["gitspaceId"]!.GetValue<string>() == name, Patience);

        var forwarded = await server.RequestAsync(Methods.GitspacesPortsForward, new JsonObject { ["id"] = name, ["port"] = 18091 }, Patience);
        var url = forwarded["result"]!["forward"]!["url"]!.GetValue<string>();
        Assert.Equal("server", forwarded["result"]!["forward"]!["owner"]!.GetValue<string>());
        var curl = await Run.ProgramAsync("curl", ["--silent", "--fail", url + "from-rpc"], timeout: Patience);
        Assert.Equal("hello /from-rpc\n", curl.StandardOutput);

        var listed = await server.RequestAsync(Methods.GitspacesPorts, new JsonObject { ["id"] = name }, Patience);
        var entry = listed["result"]!["ports"]!.AsArray().Single(p => p!["port"]!.GetValue<int>() == 18091)!;
        Assert.Equal(url, entry["forward"]!["url"]!.GetValue<string>());

        // The CLI in another process sees the editor's forward, and stopping it there ends it here.
        var ports = PublishedUser.Succeeded(await user.RunAsync(["ports", name]));
        Assert.Contains(url, ports.StandardOutput, StringComparison.Ordinal);
        var stopped = await server.RequestAsync(Methods.GitspacesPortsStop, new JsonObject { ["id"] = name, ["port"] = 18091 }, Patience);
        Assert.Equal(18091, stopped["result"]!["stopped"]!.AsArray().Single()!["port"]!.GetValue<int>());
        var after = await Run.ProgramAsync("curl", ["--silent", url], timeout: Patience);
        Assert.NotEqual(0, after.ExitCode);
        Assert.Empty(server.StdoutViolations);
    }

    [Fact]
    public async Task A_taken_local_port_is_reported_when_the_forward_requires_it()
    {
        await using var user = await PublishedUser.CreateAsync();
        var name = run.Name("ports-require");
        await UpWithServerAsync(user, name, 18092);
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var localPort = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await user.RunAsync(["forward", name, $"18092:{localPort}", "--require-local-port", "--json"]);

        Assert.Equal(1, result.ExitCode);
        var line = PublishedUser.SingleJsonLine(result);
        Assert.Equal(ErrorCodes.PortUnavailable, line["error"]!["code"]!.GetValue<int>());
        Assert.Equal("PortUnavailable", line["error"]!["data"]!["kind"]!.GetValue<string>());
        Assert.Contains($"Port {localPort} on 127.0.0.1 is in use", line["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // Without the requirement, the next free port is taken.
        var next = PublishedUser.Succeeded(await user.RunAsync(["forward", name, $"18092:{localPort}", "--background", "--json"]));
        var forward = PublishedUser.SingleJsonLine(next)["forward"]!;
        Assert.NotEqual(localPort, forward["localPort"]!.GetValue<int>());
        Assert.Equal("background", forward["owner"]!.GetValue<string>());
        PublishedUser.Succeeded(await user.RunAsync(["ports", name, "--stop", "all"]));
    }

    [Fact]
    public async Task Forwards_end_when_their_gitspace_stops()
    {
        await using var user = await PublishedUser.CreateAsync();
        var name = run.Name("ports-stop");
        await UpWithServerAsync(user, name, 18093);
        var background = PublishedUser.Succeeded(await user.RunAsync(["forward", name, "18093", "--background", "--json"]));
        var forward = PublishedUser.SingleJsonLine(background)["forward"]!;
        var url = forward["url"]!.GetValue<string>();
        using var owner = Process.GetProcessById(forward["processId"]!.GetValue<int>());
        Assert.Equal("hello /\n", (await Run.ProgramAsync("curl", ["--silent", "--fail", url], timeout: Patience)).StandardOutput);
        var listed = PublishedUser.Succeeded(await user.RunAsync(["ports", name, "--json"]));
        Assert.Equal("background", PublishedUser.SingleJsonLine(listed)["ports"]!.AsArray().Single(p => p!["port"]!.GetValue<int>() == 18093)!["forward"]!["owner"]!.GetValue<string>());

        PublishedUser.Succeeded(await user.RunAsync(["stop", name]));

        await owner.WaitForExitAsync().WaitAsync(Patience);
        Assert.NotEqual(0, (await Run.ProgramAsync("curl", ["--silent", url], timeout: Patience)).ExitCode);
    }

    private static async Task UpWithServerAsync(PublishedUser user, string name, int? configured)
    {
        var config = configured is { } port
            ? $$"""{ "image": "{{DockerTestRun.BaseImage}}", "forwardPorts": [{{port}}], "portsAttributes": { "{{port}}": { "label": "Web" } } }"""
            : TestRepository.PlainImageConfig;
        var repository = await TestRepository.CreateAsync(name, new Dictionary<string, string> { [".devcontainer/devcontainer.json"] = config });
        PublishedUser.Succeeded(await user.UpAsync(repository, name));
        DockerCli.Docker("cp", RepositoryRoot.Combine("tests", "Gitspaces.Server.Tests", "Published", "web-server.pl"), $"gitspace-{name}:/tmp/web-server.pl");
        if (configured is { } listen)
        {
            DockerCli.Docker("exec", "-d", "gitspace-" + name, "perl", "/tmp/web-server.pl", listen.ToString(System.Globalization.CultureInfo.InvariantCulture));

            // The server starts in the background: wait (bounded) until the gitspace's TCP table shows it.
            for (var attempt = 0; ; attempt++)
            {
                var ports = PublishedUser.SingleJsonLine(PublishedUser.Succeeded(await user.RunAsync(["ports", name, "--json"])));
                if (ports["ports"]!.AsArray().Any(p => p!["port"]!.GetValue<int>() == listen && p["listening"]!.GetValue<bool>()))
                {
                    break;
                }

                Assert.True(attempt < 50, $"the web server never listened on {listen}: {ports}");
                await Task.Delay(200);
            }
        }
    }

    // The local addresses of the TCP listeners on this machine (of one process, or of all), as ss prints them.
    private static List<string> ListenersOf(int? pid) =>
        [
            .. DockerCli.Run("ss", "-ltnpH").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Where(l => pid is null || l.Contains($"pid={pid},", StringComparison.Ordinal))
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]),
        ];

    private static async Task<string> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[16384];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
