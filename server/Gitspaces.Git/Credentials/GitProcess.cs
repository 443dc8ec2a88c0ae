using System.Diagnostics;
using System.Text;

namespace Gitspaces.Git.Credentials;

/// <summary>
/// Runs the host's <c>git</c> without a shell: arguments as a list (never a secret among them), what git reads on its
/// standard input, both outputs drained while it runs, and a patience after which it is killed.
/// </summary>
internal static class GitProcess
{
    /// <summary>Runs git.</summary>
    /// <param name="arguments">git's arguments.</param>
    /// <param name="input">Its standard input (closed after writing), or <see langword="null"/> for none.</param>
    /// <param name="environment">Variables to set (a <see langword="null"/> value removes one), on top of the process's.</param>
    /// <param name="patience">How long git may take.</param>
    /// <param name="cancellationToken">Kills git.</param>
    /// <returns>The result; <see cref="GitProcessResult.Missing"/> when git could not be started.</returns>
    public static async Task<GitProcessResult> RunAsync(IReadOnlyList<string> arguments, string? input, IReadOnlyDictionary<string, string?>? environment, TimeSpan patience, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing may wait for a person at a terminal the sidecar does not have: git answers from its helpers or fails.
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_ASKPASS"] = string.Empty;
        start.Environment["SSH_ASKPASS"] = string.Empty;
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
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

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("git did not start.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return GitProcessResult.Missing;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                if (input is not null)
                {
                    await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken);
                }

                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // git exited without reading (a bad argument): its exit code says so.
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(patience);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                return new GitProcessResult(-1, string.Empty, await error, TimedOut: true);
            }

            return new GitProcessResult(process.ExitCode, await output, await error, TimedOut: false);
        }
    }
}
