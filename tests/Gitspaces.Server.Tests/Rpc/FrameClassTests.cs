using System.Text;
using System.Text.Json.Nodes;
using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Rpc;

/// <summary>
/// Each class of frame that once killed <c>serve</c> (issue #13) gets its documented error, and the server goes on:
/// the frame comes first, before <c>initialize</c>, as in the issue's reproduction.
/// </summary>
public sealed class FrameClassTests
{
    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.0")]
    [InlineData("1e400")]
    [InlineData("9223372036854775808")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("1E2")]
    public async Task ANumericIdThatIsNotAWhole64BitNumberIsAnInvalidRequest(string id)
    {
        await AnsweredThenServingAsync(FrameFuzzer.Frame($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"x\"}}"), -32600);
    }

    [Theory]
    [InlineData("method")]
    [InlineData("jsonrpc")]
    [InlineData("id")]
    [InlineData("params")]
    public async Task InvalidUtf8InAStringIsAnInvalidRequest(string where)
    {
        var invalid = new byte[] { 0xED, 0xA0, 0x80 };
        byte[] Value(string text, string slot) => where == slot ? [.. Encoding.UTF8.GetBytes(text), .. invalid] : Encoding.UTF8.GetBytes(text);
        byte[] body =
        [
            .. "{\"jsonrpc\":\""u8, .. Value("2.0", "jsonrpc"), .. "\",\"id\":\""u8, .. Value("a", "id"), .. "\",\"method\":\""u8, .. Value("x", "method"),
            .. "\",\"params\":{\"id\":\""u8, .. Value("g", "params"), .. "\"}}"u8,
        ];

        await AnsweredThenServingAsync(FrameFuzzer.Frame(body), -32600);
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\\ud800\"}")]
    [InlineData("{\"jsonrpc\":\"2.0\\ud800\",\"id\":1,\"method\":\"x\"}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"a\\udfff\",\"method\":\"x\"}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"gitspaces/get\",\"params\":{\"id\":\"\\ud800\"}}")]
    public async Task ALoneSurrogateIsAnInvalidRequest(string body)
    {
        await AnsweredThenServingAsync(FrameFuzzer.Frame(body), -32600);
    }

    [Theory]
    [InlineData(33)]
    [InlineData(65)]
    [InlineData(100)]
    [InlineData(128)]
    public async Task NestingDeeperThanTheLimitIsAParseError(int depth)
    {
        var nested = new string('[', depth) + new string(']', depth);
        await AnsweredThenServingAsync(FrameFuzzer.Frame($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{{\"a\":{nested}}}}}"), -32700);
    }

    [Fact]
    public async Task PositionalParamsAreInvalidParamsNamingTheField()
    {
        var error = await AnsweredThenServingAsync(FrameFuzzer.Frame("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"gitspaces/get\",\"params\":[\"abc\"]}"), -32602);

        Assert.Equal(3, error["id"]!.GetValue<int>());
        Assert.Equal("$.params", error["error"]!["data"]!["field"]!.GetValue<string>());
        Assert.Equal("InvalidParams", error["error"]!["data"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task AFrameOverTheSizeLimitIsRefusedUnread()
    {
        var body = new StringBuilder("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"n\":[");
        while (body.Length < 5 * 1024 * 1024)
        {
            body.Append("1234567,");
        }

        body.Append("0]}}");
        var error = await AnsweredThenServingAsync(FrameFuzzer.Frame(body.ToString()), -32700);

        Assert.Contains("larger than the limit of 4194304 bytes", error["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHeaderWithoutEndIsSkippedToItsBlankLineAndTheNextFrameIsRead()
    {
        byte[] frames = [.. Encoding.ASCII.GetBytes("X-Long: " + new string('a', 20_000) + "\r\n\r\n"), .. FrameFuzzer.Frame("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"x\"}")];

        await using var server = SidecarProcess.Start();
        await server.SendRawAsync(frames);

        Assert.Equal(-32700, (await server.WaitForAsync(m => m["error"] is not null && m["id"] is null))["error"]!["code"]!.GetValue<int>());
        Assert.Equal(-32601, (await server.WaitForAsync(m => m["id"] is JsonValue v && v.GetValue<int>() == 9))["error"]!["code"]!.GetValue<int>());
    }

    private static async Task<JsonObject> AnsweredThenServingAsync(byte[] frame, int code)
    {
        await using var server = SidecarProcess.Start();
        await server.SendRawAsync(frame);

        var error = await server.WaitForAsync(m => m["error"] is not null);
        Assert.Equal(code, error["error"]!["code"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(error["error"]!["message"]!.GetValue<string>()));

        // The server goes on: initialize is answered, then a request after it.
        var initialized = await server.InitializeAsync();
        Assert.NotNull(initialized["serverInfo"]);
        Assert.Equal(-32601, (await server.RequestAsync("fuzz/probe"))["error"]!["code"]!.GetValue<int>());
        Assert.Empty(server.StdoutViolations);
        return error;
    }
}
