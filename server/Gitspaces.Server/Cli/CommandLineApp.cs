using System.CommandLine;
using Gitspaces.Core.State;
using Gitspaces.Server.Composition;
using Gitspaces.Server.Logging;
using Gitspaces.Server.Rpc;

namespace Gitspaces.Server.Cli;

/// <summary>The command tree. Each command calls the same service layer as the RPC methods.</summary>
internal static class CommandLineApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("gitspaces — development environments from git repositories, for your editor.\n"
            + "Run `gitspaces serve` to speak JSON-RPC over stdio (what the IDE extensions do), or use the commands below.");
        root.Subcommands.Add(ServeCommand());
        GitspaceCommands.AddTo(root);
        ConnectCommands.AddTo(root);
        DevcontainerCommands.AddTo(root);
        LoginCommand.AddTo(root);
        return await root.Parse(args).InvokeAsync();
    }

    internal static LogLevel ParseLevel(string? value) => value?.ToLowerInvariant() switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "warning" or "warn" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "none" or "off" => LogLevel.None,
        _ => LogLevel.Info,
    };

    private static Command ServeCommand()
    {
        var logLevel = new Option<string>("--log-level")
        {
            Description = "How much to log to stderr and the log file: trace, debug, info, warning, error, none.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GITSPACES_LOG_LEVEL") ?? "info",
        };
        var command = new Command("serve", "Serve the JSON-RPC protocol on stdin/stdout (Content-Length framing). Logs go to stderr and the state directory.");
        command.Options.Add(logLevel);
        command.SetAction(async (parse, _) =>
        {
            // stdout is the protocol: anything else that writes to Console.Out lands on stderr instead.
            var stdout = Console.OpenStandardOutput();
            var stdin = Console.OpenStandardInput();
            Console.SetOut(Console.Error);
            var paths = StatePaths.FromEnvironment();
            using var log = new ServerLog(paths.LogDirectory, ParseLevel(parse.GetValue(logLevel)), toStderr: true);
            log.Info($"gitspaces {VersionInfo.FullVersion} serving on stdio (state: {paths.DataDirectory})");
            return await RpcServer.RunAsync(stdin, stdout, new SidecarServices(paths), log);
        });
        return command;
    }
}
