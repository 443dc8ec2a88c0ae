using System.Text;
using Gitspaces.Docker.Engine;

namespace Gitspaces.Providers.Docker;

/// <summary>Runs a process in a container through the engine's exec API and hands its output over line by line.</summary>
internal static class ContainerExec
{
    /// <summary>Runs a command and waits for it.</summary>
    /// <param name="client">The engine client.</param>
    /// <param name="container">The container id or name.</param>
    /// <param name="argv">The program and its arguments (no shell unless the caller asks for one).</param>
    /// <param name="user">The user, or <see langword="null"/> for the container's.</param>
    /// <param name="workingDirectory">The working folder, or <see langword="null"/>.</param>
    /// <param name="environment">Extra <c>K=V</c> variables.</param>
    /// <param name="onLine">Receives each output line with its stream (<c>stdout</c> or <c>stderr</c>).</param>
    /// <param name="cancellationToken">Stops waiting (the process may go on in the container).</param>
    /// <returns>The exit code.</returns>
    public static async Task<long> RunAsync(
        EngineClient client,
        string container,
        IReadOnlyList<string> argv,
        string? user,
        string? workingDirectory,
        IReadOnlyList<string>? environment,
        Action<string, string> onLine,
        CancellationToken cancellationToken)
    {
        var created = await client.CreateExecAsync(
            container,
            new EngineExecCreate
            {
                Cmd = argv,
                User = user,
                WorkingDir = workingDirectory,
                Env = environment,
            },
            cancellationToken);
        await using (var stream = await client.StartExecAsync(created, cancellationToken))
        {
            await ReadLinesAsync(
                stream,
                (name, line) =>
                {
                    onLine(name, line);
                    return false;
                },
                cancellationToken);
        }

        // The output ends when the process closes it; the exit code can lag behind by a moment.
        var inspected = await client.InspectExecAsync(created, cancellationToken);
        for (var attempt = 0; inspected.Running && attempt < 100; attempt++)
        {
            await Task.Delay(10, cancellationToken);
            inspected = await client.InspectExecAsync(created, cancellationToken);
        }

        return inspected.ExitCode ?? -1;
    }

    /// <summary>Reads an attached stream line by line until <paramref name="onLine"/> says it has seen enough or the stream ends.</summary>
    /// <param name="stream">The stream (an exec's or an attached container's).</param>
    /// <param name="onLine">Receives each line with its stream (<c>stdout</c> or <c>stderr</c>); returns whether to stop.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>Whether <paramref name="onLine"/> stopped the reading (otherwise the stream ended).</returns>
    public static async Task<bool> ReadLinesAsync(EngineExecStream stream, Func<string, string, bool> onLine, CancellationToken cancellationToken)
    {
        var stopped = false;
        void Take(string name, string line) => stopped = stopped || onLine(name, line);
        var buffer = new byte[16 * 1024];
        var stdout = new LineSplitter("stdout", Take);
        var stderr = new LineSplitter("stderr", Take);
        while (!stopped)
        {
            var (count, fromStandardError) = await stream.ReadOutputAsync(buffer, cancellationToken);
            if (count == 0)
            {
                stdout.Flush();
                stderr.Flush();
                break;
            }

            (fromStandardError ? stderr : stdout).Append(buffer.AsSpan(0, count));
        }

        return stopped;
    }

    /// <summary>Cuts a byte stream into UTF-8 lines, keeping partial lines (and partial characters) until they end.</summary>
    private sealed class LineSplitter(string name, Action<string, string> onLine)
    {
        private readonly Decoder decoder = Encoding.UTF8.GetDecoder();
        private readonly StringBuilder pending = new();

        public void Append(ReadOnlySpan<byte> bytes)
        {
            var chars = new char[this.decoder.GetCharCount(bytes, flush: false)];
            this.decoder.GetChars(bytes, chars, flush: false);
            foreach (var c in chars)
            {
                if (c == '\n')
                {
                    this.Emit();
                }
                else
                {
                    this.pending.Append(c);
                }
            }
        }

        public void Flush()
        {
            if (this.pending.Length > 0)
            {
                this.Emit();
            }
        }

        private void Emit()
        {
            var line = this.pending.ToString().TrimEnd('\r');
            this.pending.Clear();
            onLine(name, line);
        }
    }
}
