using System.Diagnostics;
using System.Text;

namespace Gitspaces.TestSupport;

/// <summary>Runs real programs (no shell) with a bounded wait.</summary>
public static class Run
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            if (value.Length == 0)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return start;
    }

    public static async Task<ProcessResult> ProgramAsync(string program, IEnumerable<string> arguments, string? stdin = null, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        using var process = Process.Start(StartInfo(program, arguments, environment))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{program} {string.Join(' ', arguments)}' did not finish in {timeout ?? DefaultTimeout}.");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    public static async Task<ProcessResult> CheckedAsync(string program, params string[] arguments)
    {
        var result = await ProgramAsync(program, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{program} {string.Join(' ', arguments)}' failed: {result}");
        }

        return result;
    }

    /// <summary>Reads a process's output until <paramref name="marker"/> appears, with a bound.</summary>
    public static async Task<string> ReadUntilAsync(StreamReader reader, string marker, TimeSpan timeout)
    {
        var seen = new StringBuilder();
        var buffer = new char[4096];
        using var cts = new CancellationTokenSource(timeout);
        while (!seen.ToString().Contains(marker, StringComparison.Ordinal))
        {
            int read;
            try
            {
                read = await reader.ReadAsync(buffer.AsMemory(), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"'{marker}' did not appear in {timeout}; output so far: {seen}");
            }

            if (read == 0)
            {
                throw new InvalidOperationException($"The output ended before '{marker}' appeared: {seen}");
            }

            seen.Append(buffer, 0, read);
        }

        return seen.ToString();
    }
}
