using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Rpc;

/// <summary>The LSP-style session of a real <c>gitspaces serve</c> process.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task InitializeReportsVersionProtocolAndCapabilities()
    {
        await using var server = SidecarProcess.Start();
        var result = await server.InitializeAsync();

        Assert.Equal("gitspaces", result["serverInfo"]!["name"]!.GetValue<string>());
        Assert.Matches(@"^\d+\.\d+\.\d+", result["serverInfo"]!["version"]!.GetValue<string>());
        Assert.Equal("1.0", result["protocolVersion"]!.GetValue<string>());
        var capabilities = result["capabilities"]!;
        Assert.Contains("docker", capabilities["providers"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Contains("intellij", capabilities["ides"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Contains("gitspaces/create", capabilities["methods"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.True(capabilities["workDoneProgress"]!.GetValue<bool>());
        Assert.Empty(server.StdoutViolations);
    }

    [Fact]
    public async Task RequestsBeforeInitializeAreRefusedWithServerNotInitialized()
    {
        await using var server = SidecarProcess.Start();
        var response = await server.RequestAsync("gitspaces/list", new JsonObject());

        Assert.Equal(-32002, response["error"]!["code"]!.GetValue<int>());
        Assert.Equal("ServerNotInitialized", response["error"]!["data"]!["kind"]!.GetValue<string>());

        // The session still works afterwards.
        await server.InitializeAsync();
    }

    [Fact]
    public async Task SecondInitializeIsAnInvalidRequest()
    {
        await using var server = SidecarProcess.Start();
        await server.InitializeAsync();
        var response = await server.RequestAsync("initialize", new JsonObject());

        Assert.Equal(-32600, response["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task ShutdownThenExitEndsWithCodeZero()
    {
        await using var server = SidecarProcess.Start();
        await server.InitializeAsync();
        var shutdown = await server.RequestAsync("shutdown");
        Assert.NotNull(shutdown["result"]);

        var afterShutdown = await server.RequestAsync("gitspaces/list", new JsonObject());
        Assert.Equal(-32600, afterShutdown["error"]!["code"]!.GetValue<int>());

        await server.NotifyAsync("exit");
        Assert.Equal(0, await server.WaitForExitAsync());
        Assert.Empty(server.StdoutViolations);
    }

    [Fact]
    public async Task ExitWithoutShutdownEndsWithCodeOne()
    {
        await using var server = SidecarProcess.Start();
        await server.InitializeAsync();
        await server.NotifyAsync("exit");

        Assert.Equal(1, await server.WaitForExitAsync());
    }

    [Fact]
    public async Task ClosingStdinEndsTheProcess()
    {
        await using var server = SidecarProcess.Start();
        await server.InitializeAsync();
        server.CloseInput();

        Assert.Equal(1, await server.WaitForExitAsync());
    }

    [Fact]
    public async Task RequestsSentBeforeStdinClosesAreAllAnswered()
    {
        // A script writes a whole session at once and closes the pipe, as `printf … | gitspaces serve` does.
        await using var server = SidecarProcess.Start();
        var session = new StringBuilder();
        foreach (var message in new[]
        {
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}""",
            """{"jsonrpc":"2.0","method":"initialized","params":{}}""",
            """{"jsonrpc":"2.0","id":2,"method":"providers/list","params":{}}""",
            """{"jsonrpc":"2.0","id":3,"method":"no/such-method","params":{}}""",
            """{"jsonrpc":"2.0","id":4,"method":"shutdown"}""",
            """{"jsonrpc":"2.0","method":"exit"}""",
        })
        {
            session.Append(CultureInfo.InvariantCulture, $"Content-Length: {Encoding.UTF8.GetByteCount(message)}\r\n\r\n{message}");
        }

        await server.SendRawAsync(Encoding.UTF8.GetBytes(session.ToString()));
        server.CloseInput();

        Assert.Equal(0, await server.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var answered = server.Received.Where(m => m["id"] is not null && m["method"] is null).Select(m => m["id"]!.GetValue<int>()).Order().ToList();
        Assert.Equal([1, 2, 3, 4], answered);
        Assert.Empty(server.StdoutViolations);
    }

    [Fact]
    public async Task TheProcessExitsWhenTheClientProcessNamedInInitializeDies()
    {
        using var client = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        await using var server = SidecarProcess.Start();
        var response = await server.RequestAsync("initialize", new JsonObject { ["processId"] = client.Id });
        Assert.NotNull(response["result"]);

        client.Kill();
        await client.WaitForExitAsync();

        // stdin stays open: only the death of the client process can end the server here.
        Assert.Equal(1, await server.WaitForExitAsync(TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task LogsGoToStderrAndTheStateDirectoryNeverToStdout()
    {
        await using var server = SidecarProcess.Start(null, null, "--log-level", "debug");
        await server.InitializeAsync();
        await server.SendRawAsync("Content-Length: 3\r\n\r\n{x}"u8.ToArray());
        await server.WaitForAsync(m => m["error"] is not null);
        await server.RequestAsync("shutdown");
        await server.NotifyAsync("exit");
        await server.WaitForExitAsync();

        Assert.Empty(server.StdoutViolations);
        Assert.Contains("initialize from gitspaces-tests", server.Stderr, StringComparison.Ordinal);
        var logFile = Assert.Single(Directory.GetFiles(Path.Combine(server.Home, "logs"), "gitspaces-*.log"));
        Assert.Contains("rejected a message", File.ReadAllText(logFile), StringComparison.Ordinal);
    }
}
