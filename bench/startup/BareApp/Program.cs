using System.Text;

// Reads frames until `exit`, answering requests with an empty result: the least any stdio JSON-RPC server does.
var stdin = Console.OpenStandardInput();
var stdout = Console.OpenStandardOutput();
var buffer = new byte[65536];
var pending = new List<byte>();
while (true)
{
    var read = stdin.Read(buffer, 0, buffer.Length);
    if (read == 0)
    {
        return;
    }

    pending.AddRange(buffer.AsSpan(0, read).ToArray());
    while (true)
    {
        var text = Encoding.ASCII.GetString([.. pending]);
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headerEnd < 0)
        {
            break;
        }

        var length = int.Parse(text[16..headerEnd], System.Globalization.CultureInfo.InvariantCulture);
        if (pending.Count < headerEnd + 4 + length)
        {
            break;
        }

        var body = Encoding.UTF8.GetString([.. pending.GetRange(headerEnd + 4, length)]);
        pending.RemoveRange(0, headerEnd + 4 + length);
        if (body.Contains("\"exit\"", StringComparison.Ordinal))
        {
            return;
        }

        var idStart = body.IndexOf("\"id\":", StringComparison.Ordinal);
        if (idStart >= 0)
        {
            var idEnd = body.IndexOfAny([',', '}'], idStart);
            var reply = Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":{body[(idStart + 5)..idEnd]},\"result\":{{}}}}");
            stdout.Write(Encoding.ASCII.GetBytes($"Content-Length: {reply.Length}\r\n\r\n"));
            stdout.Write(reply);
            stdout.Flush();
        }
    }
}
