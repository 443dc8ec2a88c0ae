using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Gitspaces.TestSupport;

/// <summary>
/// A real <c>gitspaces serve</c> process and a strict client for it: every byte the server writes to stdout must be a
/// well-formed <c>Content-Length</c> frame holding JSON, or <see cref="StdoutViolations"/> says what was not.
/// </summary>
public sealed class SidecarProcess : IAsyncDisposable
{
    private readonly Channel<JsonObject> incoming = Channel.CreateUnbounded<JsonObject>();
    private readonly ConcurrentQueue<JsonObject> received = new();
    private readonly ConcurrentQueue<string> violations = new();
    private readonly StringBuilder stderr = new();
    private readonly List<JsonObject> pending = [];
    private readonly Task readLoop;
    private int nextId = 1000;

    private SidecarProcess(Process process, string home)
    {
        this.Process = process;
        this.Home = home;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (this.stderr)
                {
                    this.stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        this.readLoop = Task.Run(this.ReadLoopAsync);
    }

    public Process Process { get; }

    /// <summary>Gets the server's <c>GITSPACES_HOME</c>.</summary>
    public string Home { get; }

    public string Stderr
    {
        get
        {
            lock (this.stderr)
            {
                return this.stderr.ToString();
            }
        }
    }

    public IReadOnlyCollection<JsonObject> Received => this.received;

    public IReadOnlyCollection<string> StdoutViolations => this.violations;

    /// <summary>Gets the path of the server's entry assembly next to the tests.</summary>
    public static string ServerAssembly => Path.Combine(AppContext.BaseDirectory, "gitspaces.dll");

    /// <summary>Starts <c>gitspaces serve</c> with its own state directory.</summary>
    /// <param name="home">The <c>GITSPACES_HOME</c>; a new temp folder when null.</param>
    /// <param name="environment">Extra environment variables (null removes one).</param>
    /// <param name="arguments">Arguments after <c>serve</c>.</param>
    /// <returns>The running process.</returns>
    public static SidecarProcess Start(string? home = null, IReadOnlyDictionary<string, string?>? environment = null, params string[] arguments) =>
        Launch(DotnetHost.Path, [ServerAssembly], home, environment, arguments);

    /// <summary>Starts <c>serve</c> of a program on disk (the published <see cref="RealSidecar"/>) with its own state directory.</summary>
    /// <param name="program">The executable.</param>
    /// <param name="home">The <c>GITSPACES_HOME</c>; a new temp folder when null.</param>
    /// <param name="environment">Extra environment variables (null removes one).</param>
    /// <param name="arguments">Arguments after <c>serve</c>.</param>
    /// <returns>The running process.</returns>
    public static SidecarProcess StartProgram(string program, string? home = null, IReadOnlyDictionary<string, string?>? environment = null, params string[] arguments) =>
        Launch(program, [], home, environment, arguments);

    private static SidecarProcess Launch(string program, string[] before, string? home, IReadOnlyDictionary<string, string?>? environment, string[] arguments)
    {
        home ??= TempDirectory.Create("gitspaces-home");
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in before)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("serve");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GITSPACES_HOME"] = home;
        start.Environment["HOME"] = Path.Combine(home, "user-home");
        Directory.CreateDirectory(Path.Combine(home, "user-home"));
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                if (value is null)
                {
                    start.Environment.Remove(key);
                }
                else
                {
                    start.Environment[key] = value;
                }
            }
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("gitspaces serve did not start");
        return new SidecarProcess(process, home);
    }

    public async Task SendAsync(JsonNode message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        await this.SendRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body]);
    }

    public async Task SendRawAsync(byte[] bytes)
    {
        var stdin = this.Process.StandardInput.BaseStream;
        await stdin.WriteAsync(bytes);
        await stdin.FlushAsync();
    }

    public Task NotifyAsync(string method, JsonNode? parameters = null) =>
        this.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters ?? new JsonObject() });

    /// <summary>Sends a request and returns the whole response (with <c>result</c> or <c>error</c>).</summary>
    /// <param name="method">The method.</param>
    /// <param name="parameters">The params object; omitted when null.</param>
    /// <param name="timeout">How long to wait; 30 s when null.</param>
    /// <returns>The response.</returns>
    public async Task<JsonObject> RequestAsync(string method, JsonNode? parameters = null, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref this.nextId);
        var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null)
        {
            request["params"] = parameters;
        }

        await this.SendAsync(request);
        return await this.WaitForAsync(m => m["id"] is JsonValue v && v.TryGetValue<int>(out var got) && got == id && m["method"] is null, timeout);
    }

    /// <summary>Sends <c>initialize</c> and <c>initialized</c>.</summary>
    /// <returns>The initialize result.</returns>
    public async Task<JsonObject> InitializeAsync()
    {
        var response = await this.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["clientInfo"] = new JsonObject { ["name"] = "gitspaces-tests", ["version"] = "1.0" },
            ["capabilities"] = new JsonObject { ["workDoneProgress"] = true },
        });
        await this.NotifyAsync("initialized");
        return response["result"]!.AsObject();
    }

    /// <summary>Waits for the first message (not yet consumed by a wait) that matches.</summary>
    /// <param name="match">The condition.</param>
    /// <param name="timeout">How long to wait; 30 s when null.</param>
    /// <returns>The message.</returns>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        lock (this.pending)
        {
            var found = this.pending.FindIndex(m => match(m));
            if (found >= 0)
            {
                var message = this.pending[found];
                this.pending.RemoveAt(found);
                return message;
            }
        }

        try
        {
            while (true)
            {
                var message = await this.incoming.Reader.ReadAsync(cts.Token);
                if (match(message))
                {
                    return message;
                }

                lock (this.pending)
                {
                    this.pending.Add(message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No matching message within {timeout ?? TimeSpan.FromSeconds(30)}. Received:\n{string.Join("\n", this.received.Select(m => m.ToJsonString()))}\nstderr:\n{this.Stderr}");
        }
    }

    public void CloseInput() => this.Process.StandardInput.Close();

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        await this.Process.WaitForExitAsync(cts.Token);
        await this.readLoop.WaitAsync(TimeSpan.FromSeconds(5));
        return this.Process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!this.Process.HasExited)
        {
            try
            {
                this.Process.StandardInput.Close();
                await this.Process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);
            }
            catch (Exception)
            {
                this.Process.Kill(entireProcessTree: true);
            }
        }

        this.Process.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var stdout = this.Process.StandardOutput.BaseStream;
        var buffer = new MemoryStream();
        var chunk = new byte[65536];
        while (true)
        {
            int read;
            try
            {
                read = await stdout.ReadAsync(chunk);
            }
            catch (IOException)
            {
                break;
            }

            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
            this.DrainFrames(buffer);
        }

        if (buffer.Length > 0)
        {
            this.violations.Enqueue($"{buffer.Length} bytes at the end of stdout are not a whole frame: {Encoding.UTF8.GetString(buffer.ToArray())}");
        }

        this.incoming.Writer.TryComplete();
    }

    private void DrainFrames(MemoryStream buffer)
    {
        while (true)
        {
            var data = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            var headerEnd = data.IndexOf("\r\n\r\n"u8);
            if (headerEnd < 0)
            {
                return;
            }

            var header = Encoding.ASCII.GetString(data[..headerEnd]);
            const string prefix = "Content-Length: ";
            if (!header.StartsWith(prefix, StringComparison.Ordinal) || !int.TryParse(header[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                this.violations.Enqueue($"not a frame header on stdout: {header}");
                buffer.SetLength(0);
                return;
            }

            if (data.Length < headerEnd + 4 + length)
            {
                return;
            }

            var body = data.Slice(headerEnd + 4, length).ToArray();
            var rest = data[(headerEnd + 4 + length)..].ToArray();
            buffer.SetLength(0);
            buffer.Write(rest);
            try
            {
                var message = JsonNode.Parse(body)!.AsObject();
                this.received.Enqueue(message);
                this.incoming.Writer.TryWrite(message);
            }
            catch (Exception ex)
            {
                this.violations.Enqueue($"a frame body on stdout is not a JSON object ({ex.Message}): {Encoding.UTF8.GetString(body)}");
            }
        }
    }
}
