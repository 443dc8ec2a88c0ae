using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Gitspaces.Compose;

/// <summary>
/// The compose CLI the user already has, as the reference CLI finds it: <c>docker compose</c> (v2) when it answers,
/// else <c>docker-compose</c> (v1). Every command runs without a shell, with its arguments as a list, and its output
/// is handed over line by line as it comes.
/// </summary>
public sealed class ComposeCli
{
    private const int KeptLines = 80;
    private readonly IReadOnlyDictionary<string, string?> environment;

    private ComposeCli(string program, IReadOnlyList<string> prefix, string version, IReadOnlyDictionary<string, string?> environment)
    {
        this.Program = program;
        this.Prefix = prefix;
        this.Version = version;
        this.environment = environment;
    }

    /// <summary>Gets the program: <c>docker</c> or <c>docker-compose</c>.</summary>
    public string Program { get; }

    /// <summary>Gets the arguments before every command: <c>compose</c> for v2, none for v1.</summary>
    public IReadOnlyList<string> Prefix { get; }

    /// <summary>Gets the version the CLI reports (<c>2.24.5</c>, <c>1.29.2</c>).</summary>
    public string Version { get; }

    /// <summary>Gets the major version (1 or 2).</summary>
    public int MajorVersion => int.TryParse(this.Version.TrimStart('v').Split('.')[0], out var major) ? major : 2;

    /// <summary>Gets how the CLI is named to people: <c>docker compose</c> or <c>docker-compose</c>.</summary>
    public string DisplayName => this.Prefix.Count > 0 ? this.Program + " " + string.Join(' ', this.Prefix) : this.Program;

    /// <summary>Finds the compose CLI: v2 when <c>docker compose version</c> answers, else v1.</summary>
    /// <param name="environment">Variables set for every compose process (the engine's <c>DOCKER_HOST</c> and TLS settings); a null value removes the variable.</param>
    /// <param name="cancellationToken">Stops looking.</param>
    /// <returns>The CLI.</returns>
    /// <exception cref="ComposeCliNotFoundException">Neither answers.</exception>
    public static async Task<ComposeCli> LocateAsync(IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var (program, prefix) in new (string, string[])[] { ("docker", ["compose"]), ("docker-compose", []) })
        {
            var probe = new ComposeCli(program, prefix, string.Empty, environment);
            try
            {
                var result = await probe.RunAsync(["version", "--short"], Environment.CurrentDirectory, null, cancellationToken);
                var version = result.StandardOutput.Trim();
                if (result.ExitCode == 0 && version.Length > 0 && char.IsAsciiDigit(version.TrimStart('v')[0]))
                {
                    return new ComposeCli(program, prefix, version.TrimStart('v'), environment);
                }
            }
            catch (ComposeCliNotFoundException)
            {
                // Try the next one.
            }
        }

        throw new ComposeCliNotFoundException(
            "Neither `docker compose` (v2) nor `docker-compose` (v1) answers on this machine, and this devcontainer.json uses Docker Compose. "
            + "Install the compose plugin (Docker Desktop has it; on Debian/Ubuntu `apt-get install docker-compose-plugin` from Docker's repository, or Debian's `docker-compose` package) and try again.");
    }

    /// <summary>Runs one compose command.</summary>
    /// <param name="arguments">The arguments after <see cref="Prefix"/>.</param>
    /// <param name="workingDirectory">The folder it runs in.</param>
    /// <param name="onLine">Receives each line as it comes (<c>stdout</c> or <c>stderr</c>, the line); none to only collect.</param>
    /// <param name="cancellationToken">Kills the process tree.</param>
    /// <returns>The exit code, the whole standard output, and the last lines of both streams.</returns>
    /// <exception cref="ComposeCliNotFoundException">The program is not installed.</exception>
    public async Task<ComposeResult> RunAsync(IReadOnlyList<string> arguments, string workingDirectory, Action<string, string>? onLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(this.Program)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in this.Prefix.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in this.environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        // Plain progress lines: no colours, no cursor movement, no interactive prompts.
        start.Environment["COMPOSE_INTERACTIVE_NO_CLI"] = "1";
        start.Environment["COMPOSE_ANSI"] = "never";
        start.Environment["COMPOSE_PROGRESS"] = "plain";
        start.Environment["BUILDKIT_PROGRESS"] = "plain";
        start.Environment["NO_COLOR"] = "1";
        var output = new StringBuilder();
        var tail = new Queue<string>();
        void Receive(string stream, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (tail)
            {
                if (stream == "stdout")
                {
                    output.Append(line).Append('\n');
                }

                tail.Enqueue(line);
                if (tail.Count > KeptLines)
                {
                    tail.Dequeue();
                }
            }

            onLine?.Invoke(stream, line);
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Receive("stdout", e.Data);
        process.ErrorDataReceived += (_, e) => Receive("stderr", e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new ComposeCliNotFoundException($"`{this.DisplayName}` could not be started: {ex.Message}", ex);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // Also waits for the redirected streams to end, so every line is handed over before the verdict.
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended meanwhile.
            }

            throw;
        }

        lock (tail)
        {
            return new ComposeResult(process.ExitCode, output.ToString(), [.. tail]);
        }
    }
}
