using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gitspaces.Core.Errors;
using Gitspaces.Core.State;
using Gitspaces.Protocol;
using Gitspaces.Server.Forwarding;
using Gitspaces.Ssh.Hosting;

namespace Gitspaces.Server.Cli;

/// <summary><c>ports</c> and <c>forward</c>: a gitspace's ports on this machine's 127.0.0.1.</summary>
internal static class PortCommands
{
    private static readonly Option<bool> JsonOption = new("--json") { Description = "Print JSON (for scripts)." };

    public static void AddTo(RootCommand root, CommandSelection selection)
    {
        GitspaceCommands.Add(root, selection, Ports, "ports");
        GitspaceCommands.Add(root, selection, Forward, "forward");
    }

    /// <summary>Parses <c>PORT[:LOCAL]</c>.</summary>
    /// <param name="value">The argument.</param>
    /// <returns>The port inside the gitspace and the local port, if given.</returns>
    internal static (int Port, int? Local) ParseSpec(string value)
    {
        var parts = value.Split(':');
        if (parts.Length is 1 or 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
        {
            if (parts.Length == 1)
            {
                return (port, null);
            }

            if (int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var local) && local is >= 1 and <= 65535)
            {
                return (port, local);
            }
        }

        throw GitspaceException.InvalidParams("port", $"'{value}' is not PORT or PORT:LOCALPORT (each 1–65535).");
    }

    private static Command Ports()
    {
        var id = new Argument<string>("gitspace") { Description = "The gitspace's name." };
        var stop = new Option<string?>("--stop") { Description = "Stop the forward of this port (or 'all'), whichever gitspaces process holds it." };
        var command = new Command("ports", "List a gitspace's ports: configured (forwardPorts), listening inside it, and forwarded to 127.0.0.1 here.") { id, stop, JsonOption };
        command.SetAction((parse, ct) => GitspaceCommands.RunAsync(parse.GetValue(JsonOption), false, async (service, output) =>
        {
            await using var forwarder = new PortForwarder(StatePaths.FromEnvironment(), "cli");
            var ports = new GitspacePorts(service, forwarder);
            var gitspace = parse.GetValue(id)!;
            if (parse.GetValue(stop) is { } which)
            {
                int? port = which == "all" ? null : ParseSpec(which).Port;
                var stopped = await ports.StopAsync(new StopPortForwardParams { Id = gitspace, Port = port }, ct);
                if (parse.GetValue(JsonOption))
                {
                    CliOutput.WriteStdout(CliOutput.ToJson(new StopPortForwardResult { Stopped = stopped }, CliJsonContext.Default.StopPortForwardResult) + "\n");
                }
                else
                {
                    CliOutput.WriteStdout(stopped.Count == 0 ? "no forward to stop\n" : string.Concat(stopped.Select(f => $"stopped 127.0.0.1:{f.LocalPort} → {Target(f.Port, f.Service)}\n")));
                }

                return 0;
            }

            var result = await ports.ListAsync(gitspace, ct);
            if (parse.GetValue(JsonOption))
            {
                CliOutput.WriteStdout(CliOutput.ToJson(result, CliJsonContext.Default.ListPortsResult) + "\n");
                return 0;
            }

            var text = new StringBuilder("PORT\tLABEL\tCONFIGURED\tLISTENING\tFORWARD\tOWNER\n");
            foreach (var p in result.Ports)
            {
                text.Append(CultureInfo.InvariantCulture, $"{Target(p.Port, p.Service)}\t{p.Attributes.Label ?? "-"}\t{(p.Configured ? "yes" : "no")}\t{(p.Listening ? "yes" : "no")}\t{p.Forward?.Url ?? "-"}\t{p.Forward?.Owner ?? "-"}\n");
            }

            CliOutput.WriteStdout(text.ToString());
            return 0;
        }));
        return command;
    }

    private static Command Forward()
    {
        var id = new Argument<string>("gitspace") { Description = "The gitspace's name." };
        var spec = new Argument<string>("port") { Description = "PORT inside the gitspace, or PORT:LOCALPORT for another port on 127.0.0.1 here." };
        var service = new Option<string?>("--service") { Description = "The compose service whose container has the port (default: the gitspace's own container)." };
        var require = new Option<bool>("--require-local-port") { Description = "Fail when the local port is taken instead of taking the next free one." };
        var background = new Option<bool>("--background") { Description = "Hand the forward to a background gitspaces process and return; it ends when the gitspace stops or with `gitspaces ports <g> --stop <port>`." };
        var owner = new Option<string>("--owner") { Hidden = true, DefaultValueFactory = _ => "cli" };
        var command = new Command("forward", "Forward a port of a gitspace to 127.0.0.1 on this machine until Ctrl-C (or in the background), over the engine's own channel: nothing is published.") { id, spec, service, require, background, owner, JsonOption };
        command.SetAction((parse, ct) =>
        {
            if (parse.GetValue(background))
            {
                return StartBackgroundAsync(parse.GetValue(id)!, parse.GetValue(spec)!, parse.GetValue(service), parse.GetValue(require), parse.GetValue(JsonOption), ct);
            }

            return GitspaceCommands.RunAsync(parse.GetValue(JsonOption), false, async (gitspaces, output) =>
            {
                var ownerName = parse.GetValue(owner)!;
                var json = parse.GetValue(JsonOption);
                var (port, local) = ParseSpec(parse.GetValue(spec)!);
                var gitspace = parse.GetValue(id)!;
                await using var forwarder = new PortForwarder(StatePaths.FromEnvironment(), ownerName, ownerName == "background" ? null : message => Console.Error.WriteLine(message));
                var ports = new GitspacePorts(gitspaces, forwarder);
                var forward = await ports.ForwardAsync(
                    new ForwardPortParams { Id = gitspace, Port = port, LocalPort = local, Service = parse.GetValue(service), RequireLocalPort = parse.GetValue(require) ? true : null },
                    ct);
                if (json)
                {
                    CliOutput.WriteStdout(CliOutput.ToJson(new ForwardPortResult { Forward = forward }, CliJsonContext.Default.ForwardPortResult) + "\n");
                }

                if (forward.ProcessId != Environment.ProcessId)
                {
                    if (!json)
                    {
                        CliOutput.WriteStdout($"{forward.Url} already forwards {Target(forward.Port, forward.Service)} (process {forward.ProcessId}, {forward.Owner}).\n");
                    }

                    return 0;
                }

                if (!json)
                {
                    CliOutput.WriteStdout($"forwarding {forward.Url} → {gitspace}:{Target(forward.Port, forward.Service)}; Ctrl-C stops\n");
                }

                // Until Ctrl-C, the gitspace stops (its port watch ends with the container), or another process stops it.
                var (_, channel, _) = await gitspaces.GetPortChannelAsync(gitspace, ct);
                using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var gitspaceStopped = DrainAsync(channel.WatchListeningPortsAsync(gitspace, done.Token));
                var stoppedElsewhere = WaitUntilEmptyAsync(forwarder, done.Token);
                try
                {
                    await Task.WhenAny(gitspaceStopped, stoppedElsewhere, Task.Delay(Timeout.Infinite, ct));
                }
                finally
                {
                    await done.CancelAsync();
                }

                if (!json && ownerName != "background")
                {
                    Console.Error.WriteLine(ct.IsCancellationRequested ? "stopped" : stoppedElsewhere.IsCompletedSuccessfully ? "stopped by another gitspaces process" : "the gitspace stopped");
                }

                return 0;
            });
        });
        return command;
    }

    private static async Task DrainAsync(IAsyncEnumerable<IReadOnlyList<int>> watch)
    {
        try
        {
            await foreach (var _ in watch)
            {
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or GitspaceException)
        {
        }
    }

    private static async Task WaitUntilEmptyAsync(PortForwarder forwarder, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (forwarder.Count > 0)
        {
            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }

    private static async Task<int> StartBackgroundAsync(string gitspace, string spec, string? service, bool require, bool json, CancellationToken cancellationToken)
    {
        _ = ParseSpec(spec);
        var command = SidecarExecutable.CurrentCommand();
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1).Concat(["forward", gitspace, spec, "--owner", "background", "--json"]))
        {
            start.ArgumentList.Add(argument);
        }

        if (service is not null)
        {
            start.ArgumentList.Add("--service");
            start.ArgumentList.Add(service);
        }

        if (require)
        {
            start.ArgumentList.Add("--require-local-port");
        }

        // The background process outlives this one: it reads nothing, and writes one line (its forward or its error) here.
        using var child = Process.Start(start) ?? throw new GitspaceException(ErrorCodes.InternalError, "Could not start the background forward.");
        child.StandardInput.Close();
        var line = await child.StandardOutput.ReadLineAsync(cancellationToken);
        if (line is null || !line.Contains("\"forward\"", StringComparison.Ordinal))
        {
            await child.WaitForExitAsync(cancellationToken);
            var error = await child.StandardError.ReadToEndAsync(cancellationToken);
            Console.Error.Write(error);
            if (line is not null)
            {
                CliOutput.WriteStdout(line + "\n");
            }

            return child.ExitCode == 0 ? 1 : child.ExitCode;
        }

        if (json)
        {
            CliOutput.WriteStdout(line + "\n");
        }
        else
        {
            var result = System.Text.Json.JsonSerializer.Deserialize(line, GitspacesJsonContext.Default.ForwardPortResult);
            CliOutput.WriteStdout($"forwarding {result?.Forward.Url} → {gitspace}:{spec.Split(':')[0]} in the background (process {result?.Forward.ProcessId}); `gitspaces ports {gitspace} --stop {spec.Split(':')[0]}` stops it\n");
        }

        return 0;
    }

    private static string Target(int port, string? service) => service is null ? port.ToString(CultureInfo.InvariantCulture) : $"{service}:{port}";
}
