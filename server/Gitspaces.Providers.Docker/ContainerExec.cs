using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;

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
        IDockerClient client,
        string container,
        IReadOnlyList<string> argv,
        string? user,
        string? workingDirectory,
        IReadOnlyList<string>? environment,
        Action<string, string> onLine,
        CancellationToken cancellationToken)
    {
        var created = await client.Exec.ExecCreateContainerAsync(
            container,
            new ContainerExecCreateParameters
            {
                Cmd = [.. argv],
                User = user ?? string.Empty,
                WorkingDir = workingDirectory ?? string.Empty,
                Env = environment is null ? null : [.. environment],
                AttachStdout = true,
                AttachStderr = true,
            },
            cancellationToken);
        using (var stream = await client.Exec.StartAndAttachContainerExecAsync(created.ID, tty: false, cancellationToken))
        {
            await PumpLinesAsync(stream, onLine, cancellationToken);
        }

        var inspected = await client.Exec.InspectContainerExecAsync(created.ID, cancellationToken);
        return inspected.ExitCode;
    }

    private static async Task PumpLinesAsync(MultiplexedStream stream, Action<string, string> onLine, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        var stdout = new LineSplitter("stdout", onLine);
        var stderr = new LineSplitter("stderr", onLine);
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken);
            if (read.EOF)
            {
                break;
            }

            (read.Target == MultiplexedStream.TargetStream.StandardError ? stderr : stdout).Append(buffer.AsSpan(0, read.Count));
        }

        stdout.Flush();
        stderr.Flush();
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
