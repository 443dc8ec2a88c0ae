using System.Text;
using System.Text.Json.Nodes;
using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Rpc;

/// <summary>Every kind of bad input gets the right error, and the server keeps serving the next request.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("{not json", -32700)]
    [InlineData("[]", -32600)]
    [InlineData("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}]", -32600)]
    [InlineData("42", -32600)]
    [InlineData("\"text\"", -32600)]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"initialize\"}", -32600)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":17}", -32600)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"initialize\"}", -32600)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"gitspaces/list\",\"params\":\"x\"}", -32600)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":7}", -32600)]
    public async Task MalformedMessagesGetTheirErrorAndTheServerGoesOn(string body, int code)
    {
        await using var server = SidecarProcess.Start();
        await server.InitializeAsync();
        var bytes = Encoding.UTF8.GetBytes(body);
        await server.SendRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n"), .. bytes]);

        var error = await server.WaitForAsync(m => m["error"] is not null);
        Assert.Equal(code, error["error"]!["code"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(error["error"]!["message"]!.GetValue<string>()));

        await AssertStillServingAsync(server);
    }

    [Fact]
    public async Task AnInvalidRequestWithAUsableIdIsAnsweredWithThatId()
    {
        await using var server = SidecarProcess.Start();
        await server.InitializeAsync();
        await server.SendRawAsync(Frame("{\"jsonrpc\":\"1.0\",\"id\":\"abc\",\"method\":\"initialize\"}"));

        var error = await server.WaitForAsync(m => m["error"] is not null);
        Assert.Equal("abc", error["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Content-Type: application/json\r\n\r\n")]
    [InlineData("Content-Length: abc\r\n\r\n")]
    [InlineData("Content-Length: -5\r\n\r\n")]
    [InlineData("garbage\r\n\r\n")]
    [InlineData("Content-Length: 2\r\nContent-Type: application/json; charset=latin1\r\n\r\n{}")]
    public async Task MalformedHeadersGetAParseErrorAndTheServerGoesOn(string raw)
    {
        await using var server = SidecarProcess.Start();
        await server.InitializeAsync();
        await server.SendRawAsync(Encoding.ASCII.GetBytes(raw));

        var error = await server.WaitForAsync(m => m["error"] is not null);
        Assert.Equal(-32700, error["error"]!["code"]!.GetValue<int>());
        Assert.Null(error["id"]?.GetValue<object>());

        await AssertStillServingAsync(server);
    }

    [Fact]
    public async Task AnOversizedHeaderIsRejectedWithoutWaitingForever()
    {
        await using var server = SidecarProcess.Start();
        await server.InitializeAsync();
        await server.SendRawAsync(Encoding.ASCII.GetBytes("X-Padding: " + new string('a', 9000)));

        var error = await server.WaitForAsync(m => m["error"] is not null);
        Assert.Equal(-32700, error["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task AFrameSplitAcrossManyWritesIsReadWhole()
    {
        await using var server = SidecarProcess.Start();
        var frame = Frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
        foreach (var b in frame)
        {
            await server.SendRawAsync([b]);
        }

        var response = await server.WaitForAsync(m => m["id"]?.GetValue<int>() == 1);
        Assert.NotNull(response["result"]);
    }

    [Fact]
    public async Task UnknownMethodsAreNamedInTheError()
    {
        await using var server = SidecarProcess.Start();
        await server.InitializeAsync();
        var response = await server.RequestAsync("gitspaces/teleport", new JsonObject());

        Assert.Equal(-32601, response["error"]!["code"]!.GetValue<int>());
        Assert.Contains("gitspaces/teleport", response["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertStillServingAsync(server);
    }

    [Theory]
    [InlineData("gitspaces/get", "{\"id\":5}", "$.id", "expected a string")]
    [InlineData("gitspaces/get", "{}", "$.id", "required")]
    [InlineData("gitspaces/logs", "{\"id\":\"x\",\"limit\":\"ten\"}", "$.limit", "expected a number")]
    [InlineData("gitspaces/create", "{\"repository\":{\"url\":7}}", "$.repository.url", "expected a string")]
    [InlineData("gitspaces/create", "{\"name\":\"x\"}", "$.repository", "required")]
    [InlineData("providers/list", "{\"skipCheck\":\"yes\"}", "$.skipCheck", "true or false")]
    public async Task WrongParametersNameTheField(string method, string parameters, string field, string says)
    {
        await using var server = SidecarProcess.Start();
        await server.InitializeAsync();
        var response = await server.RequestAsync(method, JsonNode.Parse(parameters));

        var error = response["error"]!;
        Assert.Equal(-32602, error["code"]!.GetValue<int>());
        Assert.Equal(field, error["data"]!["field"]!.GetValue<string>());
        Assert.Contains(says, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertStillServingAsync(server);
    }

    [Fact]
    public async Task PositionalParametersAreRefusedAsInvalidParams()
    {
        await using var server = SidecarProcess.Start();
        await server.InitializeAsync();
        var response = await server.RequestAsync("gitspaces/get", new JsonArray("x"));

        Assert.Equal(-32602, response["error"]!["code"]!.GetValue<int>());
    }

    private static byte[] Frame(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n"), .. bytes];
    }

    private static async Task AssertStillServingAsync(SidecarProcess server)
    {
        var response = await server.RequestAsync("shutdown");
        Assert.NotNull(response["result"]);
        Assert.Empty(server.StdoutViolations);
    }
}
