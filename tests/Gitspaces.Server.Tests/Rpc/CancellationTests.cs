using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Rpc;

/// <summary><c>$/cancelRequest</c> ends a long request with -32800, and the server goes on.</summary>
public sealed class CancellationTests
{
    [Fact]
    public async Task ACreateStuckOnAGitServerThatNeverAnswersIsCancelled()
    {
        // A git:// server that accepts the connection and then says nothing: the clone waits until cancelled.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        var acceptLoop = Task.Run(async () =>
        {
            while (true)
            {
                accepted.Add(await silent.AcceptSocketAsync());
            }
        });
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;

        // Gitspaces live in the engine, which every test run shares: a name of its own keeps runs apart.
        var name = "never-cloned-" + Guid.NewGuid().ToString("N")[..8];
        await using var server = SidecarProcess.Start();
        await server.InitializeAsync();
        await server.SendAsync(new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = 77,
            ["method"] = "gitspaces/create",
            ["params"] = new JsonObject
            {
                ["name"] = name,
                ["repository"] = new JsonObject { ["url"] = $"git://127.0.0.1:{port}/repo.git" },
                ["workDoneToken"] = "create-77",
            },
        });
        var begin = await server.WaitForAsync(m => m["method"]?.GetValue<string>() == "$/progress" && m["params"]!["value"]!["kind"]!.GetValue<string>() == "begin");
        Assert.Equal("create-77", begin["params"]!["token"]!.GetValue<string>());
        await server.WaitForAsync(m => m["method"]?.GetValue<string>() == "gitspaces/event" && m["params"]!["event"]!["type"]!.GetValue<string>() == "repository_clone_start", TimeSpan.FromSeconds(60));

        await server.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = 77 });
        var response = await server.WaitForAsync(m => m["id"]?.GetValue<int>() == 77, TimeSpan.FromSeconds(60));

        Assert.Equal(-32800, response["error"]!["code"]!.GetValue<int>());
        var end = server.Received.Last(m => m["method"]?.GetValue<string>() == "$/progress");
        Assert.Equal("end", end["params"]!["value"]!["kind"]!.GetValue<string>());
        Assert.Equal("cancelled", end["params"]!["value"]!["message"]!.GetValue<string>());

        // The progress ended before the response, and the server still serves.
        var received = server.Received.ToList();
        Assert.True(received.IndexOf(end) < received.IndexOf(response));
        var get = await server.RequestAsync("gitspaces/get", new JsonObject { ["id"] = name });
        var state = get["result"]?["gitspace"]?["state"]?.GetValue<string>();
        Assert.True(get["error"] is not null || state == "error", $"a cancelled create leaves no running gitspace: {get.ToJsonString()}");
        await server.RequestAsync("gitspaces/delete", new JsonObject { ["id"] = name });
        silent.Stop();
        foreach (var socket in accepted)
        {
            socket.Dispose();
        }

        _ = acceptLoop;
    }
}
