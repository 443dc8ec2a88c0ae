using System.ComponentModel;
using System.Diagnostics;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.DevContainers.Model;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// Runs <c>initializeCommand</c> on this machine in the repository folder, before the image is prepared: a string
/// through the platform shell (<c>/bin/sh -c</c>, on Windows <c>%ComSpec% /c</c>), an array as a program and its
/// arguments without a shell, an object's entries in parallel (all must succeed). Output goes to the gitspace log
/// line by line; a failure names the command.
/// </summary>
internal sealed class InitializeCommandRunner
{
    /// <summary>The hook's name, as devcontainer.json spells it.</summary>
    public const string Hook = "initializeCommand";

    private const int KeptLines = 60;
    private readonly string gitspaceId;
    private readonly string folder;
    private readonly IOperationContext context;

    /// <summary>Initializes a new instance of the <see cref="InitializeCommandRunner"/> class.</summary>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="folder">The repository folder the commands run in.</param>
    /// <param name="context">Receives events and log lines.</param>
    public InitializeCommandRunner(string gitspaceId, string folder, IOperationContext context)
    {
        this.gitspaceId = gitspaceId;
        this.folder = folder;
        this.context = context;
    }

    /// <summary>Runs the command.</summary>
    /// <param name="command">The command, as devcontainer.json gives it.</param>
    /// <returns>A task that completes when every part succeeded.</returns>
    /// <exception cref="GitspaceException">The command has an invalid shape, or failed.</exception>
    public async Task RunAsync(LifecycleCommand command)
    {
        this.context.RecordEvent(this.gitspaceId, EventTypes.LifecycleCommandStart, $"Running {Hook} on this machine: {command}");
        var started = Stopwatch.StartNew();
        try
        {
            if (command.Form == LifecycleCommandForm.Parallel)
            {
                var runs = command.Parallel.Where(p => !p.Value.IsEmpty).Select(p => this.RunOneAsync($"{p.Key} of {Hook}", p.Value, "[" + p.Key + "] ")).ToList();

                // Like the reference: wait for every entry, then fail if any failed.
                await Task.WhenAll(runs.Select(t => t.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)));
                if (runs.FirstOrDefault(t => t.IsFaulted) is { } failed)
                {
                    await failed;
                }

                this.context.CancellationToken.ThrowIfCancellationRequested();
            }
            else
            {
                await this.RunOneAsync(Hook, command, string.Empty);
            }
        }
        catch (GitspaceException ex)
        {
            this.context.RecordEvent(this.gitspaceId, EventTypes.LifecycleCommandFailed, ex.Message);
            throw;
        }

        this.context.RecordEvent(this.gitspaceId, EventTypes.LifecycleCommandCompleted, $"Ran {Hook} in {started.Elapsed.TotalSeconds:0.0} s");
    }

    private static ProcessStartInfo StartInfo(string label, LifecycleCommand command)
    {
        if (command is { Form: LifecycleCommandForm.Shell, ShellCommand: { } text })
        {
            if (OperatingSystem.IsWindows())
            {
                // cmd.exe reads the rest of its command line itself, so it is passed as written.
                return new ProcessStartInfo(Environment.GetEnvironmentVariable("ComSpec") ?? "cmd.exe") { Arguments = "/c " + text };
            }

            var shell = new ProcessStartInfo("/bin/sh");
            shell.ArgumentList.Add("-c");
            shell.ArgumentList.Add(text);
            return shell;
        }

        if (command is { Form: LifecycleCommandForm.Exec, Arguments: [var program, ..] })
        {
            var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? program.Replace('/', '\\') : program);
            foreach (var argument in command.Arguments.Skip(1))
            {
                start.ArgumentList.Add(argument);
            }

            return start;
        }

        throw new GitspaceException(ErrorCodes.DevcontainerInvalid, $"{label} must be a string, an array of strings, or an object whose values are strings or arrays of strings.", new ErrorData
        {
            Kind = nameof(ErrorCodes.DevcontainerInvalid),
            Hint = "Fix initializeCommand in devcontainer.json.",
        });
    }

    private async Task RunOneAsync(string label, LifecycleCommand command, string prefix)
    {
        var start = StartInfo(label, command);
        start.WorkingDirectory = this.folder;
        start.UseShellExecute = false;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var tail = new Queue<string>();
        void Write(string stream, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > KeptLines)
                {
                    tail.Dequeue();
                }
            }

            this.context.WriteLog(this.gitspaceId, stream, prefix + line);
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write("stdout", e.Data);
        process.ErrorDataReceived += (_, e) => Write("stderr", e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw GitspaceException.OperationFailed(this.gitspaceId, Hook, $"{label} could not start: {ex.Message}: {command}");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // Also waits for the redirected streams to end, so the last lines are in the log before the verdict.
            await process.WaitForExitAsync(this.context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            string[] log;
            lock (tail)
            {
                log = [.. tail];
            }

            throw GitspaceException.OperationFailed(this.gitspaceId, Hook, $"{label} failed on this machine with exit code {process.ExitCode}: {command}", log);
        }
    }
}
