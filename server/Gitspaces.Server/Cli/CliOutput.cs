using System.Diagnostics;
using System.Text.Json;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Protocol;
using Spectre.Console;

namespace Gitspaces.Server.Cli;

/// <summary>
/// How a command shows its work: in a terminal, live steps with timings; in a pipe, plain lines; with
/// <c>--json</c>, progress on stderr and one JSON line on stdout at the end.
/// </summary>
internal sealed class CliOutput : IGitspaceObserver, IProgress<OperationProgress>
{
    private static readonly JsonSerializerOptions LineOptions = new(GitspacesJsonContext.Default.Options) { WriteIndented = false };
    private readonly Lock gate = new();
    private readonly bool json;
    private readonly bool verbose;
    private readonly bool interactive;
    private readonly TextWriter progressWriter;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Dictionary<string, TimeSpan> stepStarts = new(StringComparer.Ordinal);

    public CliOutput(bool json, bool verbose)
    {
        this.json = json;
        this.verbose = verbose;
        // Spectre.Console loads only for a person at a terminal; pipes and scripts never pay for it.
        this.interactive = !json && !Console.IsOutputRedirected && SupportsAnsi();
        this.progressWriter = json ? Console.Error : Console.Out;
    }

    public bool Interactive => this.interactive;

    public void OnChanged(Gitspace gitspace)
    {
        if (this.verbose)
        {
            this.Line($"state {gitspace.Id}: {Describe(gitspace)}", "grey");
        }
    }

    public void OnEvent(string gitspaceId, GitspaceEvent gitspaceEvent)
    {
        var type = gitspaceEvent.Type;
        var elapsed = this.clock.Elapsed;
        string? timing = null;
        if (type.EndsWith("_start", StringComparison.Ordinal) || type == EventTypes.ActionStart)
        {
            this.stepStarts[StepKey(type)] = elapsed;
        }
        else if (this.stepStarts.Remove(StepKey(type), out var began))
        {
            timing = $"{(elapsed - began).TotalSeconds:0.0} s";
        }

        var failed = type.EndsWith("_failed", StringComparison.Ordinal);
        var done = type.EndsWith("_completed", StringComparison.Ordinal) || type == EventTypes.GitspaceReady;
        if (this.interactive)
        {
            var mark = failed ? "[red]✗[/]" : done ? "[green]✓[/]" : "[blue]•[/]";
            var time = timing is null ? string.Empty : $" [grey]{timing}[/]";
            lock (this.gate)
            {
                AnsiConsole.MarkupLine($"{mark} {Markup.Escape(gitspaceEvent.Message)}{time}");
            }
        }
        else
        {
            this.Line($"[{elapsed.TotalSeconds,6:0.0}s] {type}: {gitspaceEvent.Message}{(timing is null ? string.Empty : $" ({timing})")}", null);
        }
    }

    public void OnLog(string gitspaceId, LogLine line)
    {
        if (this.verbose || (!this.interactive && !this.json))
        {
            this.Line($"  | {line.Line}", "grey");
        }
        else if (line.Stream == "stderr" && line.Line.StartsWith("warning: ", StringComparison.Ordinal))
        {
            // The configuration's warnings (a recovered syntax error) are shown whatever the verbosity; with --json on stderr.
            if (this.json)
            {
                Console.Error.WriteLine(line.Line);
            }
            else
            {
                this.Line($"  {line.Line}", "yellow");
            }
        }
    }

    public void Report(OperationProgress value)
    {
        if (this.verbose && value.Percentage is { } percent)
        {
            this.Line($"  {value.Message} {percent}%", "grey");
        }
    }

    /// <summary>Prints the outcome of an operation that produced a gitspace; returns the exit code.</summary>
    /// <param name="gitspace">The gitspace.</param>
    /// <param name="verb">What happened (for example <c>created</c>).</param>
    /// <returns>0 when it ended well, 1 when the gitspace is in error or a lifecycle command failed.</returns>
    public int Success(Gitspace gitspace, string verb)
    {
        var ok = gitspace.State != GitspaceState.Error && gitspace.Readiness != GitspaceReadiness.StartError;
        if (this.json)
        {
            var line = ok
                ? new JsonLine("success", gitspace, null)
                : new JsonLine("error", gitspace, new JsonError(ErrorCodes.OperationFailed, gitspace.ErrorMessage ?? "The gitspace is in error."));
            Console.Out.WriteLine(JsonSerializer.Serialize(line, CliJsonContext.Default.JsonLine));
            return ok ? 0 : 1;
        }

        if (this.interactive)
        {
            AnsiConsole.MarkupLine(ok
                ? $"[green]Gitspace [bold]{Markup.Escape(gitspace.Id)}[/] {verb}[/] ({Markup.Escape(Describe(gitspace))}) in {this.clock.Elapsed.TotalSeconds:0.0} s"
                : $"[red]Gitspace [bold]{Markup.Escape(gitspace.Id)}[/] {(gitspace.State == GitspaceState.Error ? "is in error" : "is running, but setting it up failed")}:[/] {Markup.Escape(gitspace.ErrorMessage ?? "unknown")}");
        }
        else
        {
            Console.Out.WriteLine(ok
                ? $"gitspace {gitspace.Id} {verb} ({Describe(gitspace)}) in {this.clock.Elapsed.TotalSeconds:0.0} s"
                : $"gitspace {gitspace.Id} {(gitspace.State == GitspaceState.Error ? "is in error" : "is running, but setting it up failed")}: {gitspace.ErrorMessage}");
        }

        return ok ? 0 : 1;
    }

    /// <summary>Prints a failure; returns the exit code.</summary>
    /// <param name="error">The failure.</param>
    /// <param name="gitspace">The gitspace it left, when known.</param>
    /// <returns>1.</returns>
    public int Failure(GitspaceException error, Gitspace? gitspace = null)
    {
        if (this.json)
        {
            var line = new JsonLine("error", gitspace, new JsonError(error.Code, error.Message) { Data = error.Details });
            Console.Out.WriteLine(JsonSerializer.Serialize(line, CliJsonContext.Default.JsonLine));
            return 1;
        }

        var writer = Console.Error;
        writer.WriteLine($"error: {CliWording.ForPeople(error.Message)}");
        if (error.Details.Diagnostics is { Count: > 0 } diagnostics)
        {
            foreach (var d in diagnostics)
            {
                writer.WriteLine($"  {d.File}:{d.Line}:{d.Column}: {d.Severity}: {d.Message}");
            }
        }

        if (error.Details.HostAccess is { Count: > 0 } accesses)
        {
            writer.WriteLine("what it asks for:");
            foreach (var access in accesses)
            {
                writer.WriteLine($"  {access.Property}: {access.Detail}");
            }
        }

        if (error.Details.Log is { Count: > 0 } log)
        {
            writer.WriteLine($"last lines of {error.Details.Step ?? "the step"}:");
            foreach (var line in log.TakeLast(30))
            {
                writer.WriteLine($"  | {line}");
            }
        }

        if (error.Details.Hint is { } hint)
        {
            writer.WriteLine($"hint: {CliWording.ForPeople(hint)}");
        }

        return 1;
    }

    /// <summary>Prints a cancellation; returns the exit code.</summary>
    /// <returns>130, as a shell reports Ctrl+C.</returns>
    public int Cancelled()
    {
        if (this.json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new JsonLine("error", null, new JsonError(ErrorCodes.RequestCancelled, "Cancelled.")), CliJsonContext.Default.JsonLine));
        }
        else
        {
            Console.Error.WriteLine("cancelled");
        }

        return 130;
    }

    private static bool SupportsAnsi() => AnsiConsole.Profile.Capabilities.Ansi;

    public static string Describe(Gitspace gitspace) =>
        gitspace.State == GitspaceState.Running && gitspace.Readiness is { } readiness
            ? $"running, {JsonSerializer.Serialize(readiness, GitspacesJsonContext.Default.GitspaceReadiness).Trim('"').Replace('_', ' ')}"
            : JsonSerializer.Serialize(gitspace.State, GitspacesJsonContext.Default.GitspaceState).Trim('"');

    public static string ToJson<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) =>
        JsonSerializer.Serialize(value, info);

    /// <summary>Writes text to stdout in one write (Console.Out writes every 256 bytes, and a list can be long).</summary>
    /// <param name="text">The text, line ends included.</param>
    public static void WriteStdout(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        using var stdout = Console.OpenStandardOutput();
        stdout.Write(bytes);
        stdout.Flush();
    }

    private static string StepKey(string type)
    {
        foreach (var suffix in new[] { "_start_completed", "_start_failed", "_completed", "_failed", "_start" })
        {
            if (type.EndsWith(suffix, StringComparison.Ordinal))
            {
                return type[..^suffix.Length];
            }
        }

        return type;
    }

    private void Line(string text, string? color)
    {
        lock (this.gate)
        {
            if (this.interactive && color is not null)
            {
                AnsiConsole.MarkupLine($"[{color}]{Markup.Escape(text)}[/]");
            }
            else
            {
                this.progressWriter.WriteLine(text);
            }
        }
    }
}
