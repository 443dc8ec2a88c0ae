using System.Globalization;
using System.Text;

namespace Gitspaces.TestSupport;

/// <summary>
/// Makes hostile <c>Content-Length</c> frames for <c>gitspaces serve</c> from a seed, class by class: numeric ids that
/// are not 64-bit whole numbers, invalid UTF-8 and lone surrogates in every string position, deep nesting, positional
/// params, frames over the size limit, malformed headers, JSON garbage, duplicate members, responses, and bit flips of
/// valid requests. The same seed makes the same frames, so a failure is reproduced from the seed it prints.
/// </summary>
public sealed class FrameFuzzer
{
    /// <summary>The server's frame size limit (GuardedTransport.MaxBodyBytes), to make frames just over it.</summary>
    public const int BodyLimit = 4 * 1024 * 1024;

    private static readonly string[] BadNumericIds =
    [
        "1.5", "-0.0", "1e400", "9223372036854775808", "123456789012345678901234567890", "-9223372036854775809", "1E2", "0.0", "-1e-7", "2e0",
    ];

    private static readonly string[] Methods =
    [
        "fuzz/unknown", "gitspaces/get", "gitspaces/logs", "gitspaces/events", "providers/list", "$/cancelRequest", "$/setTrace", "initialize", "gitspaces/create", "devcontainer/read",
    ];

    private static readonly string[] Surrogates = ["\\ud800", "\\udfff", "\\udbff\\u0041", "a\\ud834"];

    private readonly Random random;
    private int counter;

    /// <summary>Initializes a new instance of the <see cref="FrameFuzzer"/> class.</summary>
    /// <param name="seed">The seed.</param>
    public FrameFuzzer(int seed)
    {
        this.random = new Random(seed);
    }

    /// <summary>Gets the names of the classes of frames, in the order <see cref="Next"/> draws them.</summary>
    public static IReadOnlyList<string> Classes { get; } =
    [
        "bad-numeric-id", "invalid-utf8", "lone-surrogate", "deep-nesting", "positional-params", "over-limit", "bad-header", "garbage",
        "duplicate-members", "response", "bit-flip", "valid",
    ];

    /// <summary>Makes the next frame.</summary>
    /// <returns>Its class and its bytes, header included.</returns>
    public (string Class, byte[] Bytes) Next()
    {
        // Frames over the limit are 4 MB each: rare, but in every run of a few hundred frames.
        var kind = this.random.Next(100) < 2 ? "over-limit" : Classes[this.random.Next(Classes.Count)];
        this.counter++;
        return (kind, kind switch
        {
            "bad-numeric-id" => Frame($"{{\"jsonrpc\":\"2.0\",\"id\":{this.Pick(BadNumericIds)},\"method\":\"{this.Pick(Methods)}\"{this.Params()}}}"),
            "invalid-utf8" => this.InvalidUtf8(),
            "lone-surrogate" => this.LoneSurrogate(),
            "deep-nesting" => this.DeepNesting(),
            "positional-params" => Frame($"{{\"jsonrpc\":\"2.0\"{this.MaybeId()},\"method\":\"{this.Pick(Methods)}\",\"params\":[{this.random.Next()},\"x\",{{\"id\":\"a\"}}]}}"),
            "over-limit" => OverLimit(),
            "bad-header" => this.BadHeader(),
            "garbage" => this.Garbage(),
            "duplicate-members" => Frame($"{{\"jsonrpc\":\"2.0\",\"jsonrpc\":\"1.0\",\"id\":{this.counter},\"id\":\"x{this.counter}\",\"method\":\"{this.Pick(Methods)}\",\"params\":{{\"id\":\"a\",\"id\":7}}}}"),
            "response" => Frame($"{{\"jsonrpc\":\"2.0\",\"id\":{this.counter},\"{(this.random.Next(2) == 0 ? "result" : "error")}\":{{\"code\":1,\"message\":\"m\"}}}}"),
            "bit-flip" => this.BitFlip(),
            _ => Frame($"{{\"jsonrpc\":\"2.0\"{this.MaybeId()},\"method\":\"{this.Pick(Methods)}\"{this.Params()}}}"),
        });
    }

    /// <summary>Frames a body.</summary>
    /// <param name="body">The body text.</param>
    /// <returns>The frame bytes.</returns>
    public static byte[] Frame(string body) => Frame(Encoding.UTF8.GetBytes(body));

    /// <summary>Frames body bytes.</summary>
    /// <param name="body">The body.</param>
    /// <returns>The frame bytes.</returns>
    public static byte[] Frame(byte[] body) => [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];

    private T Pick<T>(IReadOnlyList<T> items) => items[this.random.Next(items.Count)];

    private string MaybeId() => this.random.Next(3) switch
    {
        0 => string.Empty,
        1 => $",\"id\":{this.random.Next(-5, 100000)}",
        _ => $",\"id\":\"f{this.counter}\"",
    };

    private string Params() => this.random.Next(4) switch
    {
        0 => string.Empty,
        1 => ",\"params\":null",
        2 => ",\"params\":{}",
        _ => $",\"params\":{{\"id\":\"g{this.random.Next(1000)}\",\"from\":{this.random.Next(-3, 5)},\"limit\":{this.random.Next(-3, 20000)},\"check\":false}}",
    };

    private byte[] InvalidUtf8()
    {
        byte[][] bad = [[0xC3], [0xFF], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82]];
        var where = this.random.Next(5);
        string[] pieces = ["initialize", "2.0", "id-string", "key", "value"];
        var parts = new List<byte>();
        void Text(string s) => parts.AddRange(Encoding.UTF8.GetBytes(s));
        void Str(int slot)
        {
            Text("\"");
            Text(pieces[slot]);
            if (slot == where)
            {
                parts.AddRange(this.Pick(bad));
            }

            Text("\"");
        }

        Text("{\"jsonrpc\":");
        Str(1);
        Text(",\"id\":");
        Str(2);
        Text(",\"method\":");
        Str(0);
        Text(",\"params\":{");
        Str(3);
        Text(":");
        Str(4);
        Text("}}");
        return Frame([.. parts]);
    }

    private byte[] LoneSurrogate()
    {
        var surrogate = this.Pick(Surrogates);
        return this.random.Next(5) switch
        {
            0 => Frame($"{{\"jsonrpc\":\"2.0\",\"id\":{this.counter},\"method\":\"initialize{surrogate}\"}}"),
            1 => Frame($"{{\"jsonrpc\":\"2.0{surrogate}\",\"id\":{this.counter},\"method\":\"initialize\"}}"),
            2 => Frame($"{{\"jsonrpc\":\"2.0\",\"id\":\"x{surrogate}\",\"method\":\"initialize\"}}"),
            3 => Frame($"{{\"jsonrpc\":\"2.0\",\"id\":{this.counter},\"method\":\"gitspaces/get\",\"params\":{{\"id\":\"{surrogate}\"}}}}"),
            _ => Frame($"{{\"jsonrpc\":\"2.0\",\"id\":{this.counter},\"method\":\"gitspaces/get\",\"params\":{{\"{surrogate}\":1}}}}"),
        };
    }

    private byte[] DeepNesting()
    {
        var depth = this.random.Next(1, 200);
        var open = this.random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        return Frame($"{{\"jsonrpc\":\"2.0\",\"id\":{this.counter},\"method\":\"{this.Pick(Methods)}\",\"params\":{{\"deep\":{nested}}}}}");
    }

    private static byte[] OverLimit()
    {
        // A body of numbers just over the limit, as the client that once took the server to 2.8 GB sent.
        var body = new StringBuilder(BodyLimit + 64);
        body.Append("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"n\":[");
        while (body.Length < BodyLimit + 16)
        {
            body.Append("1234567,");
        }

        body.Append("0]}}");
        return Frame(body.ToString());
    }

    private byte[] BadHeader() => this.random.Next(7) switch
    {
        0 => Encoding.ASCII.GetBytes("Content-Type: application/json\r\n\r\n"),
        1 => Encoding.ASCII.GetBytes("Content-Length: -7\r\n\r\n"),
        2 => Encoding.ASCII.GetBytes("Content-Length: 99999999999\r\n\r\n"),
        3 => Encoding.ASCII.GetBytes("Content-Length: abc\r\n\r\n"),
        4 => Encoding.ASCII.GetBytes("no colon here\r\n\r\n"),
        5 => Encoding.ASCII.GetBytes("Content-Length: 2\r\nContent-Type: text/plain; charset=latin1\r\n\r\n{}"),
        _ => Encoding.ASCII.GetBytes("X-Long: " + new string('a', 9000) + "\r\n\r\n"),
    };

    private byte[] Garbage()
    {
        string[] bodies =
        [
            "{", "{\"jsonrpc\":\"2.0\",", "[]", "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}]", "42", "\"text\"", "null", "true", "",
            "{\"jsonrpc\":2.0,\"id\":1,\"method\":\"x\"}", "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"x\"}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":7}", "\uFEFF{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}",
        ];
        if (this.random.Next(3) == 0)
        {
            var bytes = new byte[this.random.Next(1, 300)];
            this.random.NextBytes(bytes);
            return Frame(bytes);
        }

        return Frame(this.Pick(bodies));
    }

    private byte[] BitFlip()
    {
        var body = Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":{this.counter.ToString(CultureInfo.InvariantCulture)},\"method\":\"{this.Pick(Methods)}\",\"params\":{{\"id\":\"abc\",\"from\":0}}}}");
        for (var flips = this.random.Next(1, 4); flips > 0; flips--)
        {
            body[this.random.Next(body.Length)] ^= (byte)(1 << this.random.Next(8));
        }

        return Frame(body);
    }
}
