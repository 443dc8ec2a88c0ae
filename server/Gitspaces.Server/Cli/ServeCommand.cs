using System.CommandLine;
using Gitspaces.Core.State;
using Gitspaces.Server.Composition;
using Gitspaces.Server.Logging;
using Gitspaces.Server.Rpc;

namespace Gitspaces.Server.Cli;

/// <summary><c>gitspaces serve</c>: the JSON-RPC protocol on stdin/stdout.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var logLevel = new Option<string?>("--log-level")
        {
            Description = "How much to log to stderr and the log file: trace, debug, info, warning, error, none (default: $GITSPACES_LOG_LEVEL or info).",
        };
        var command = new Command("serve", "Serve the JSON-RPC protocol on stdin/stdout (Content-Length framing). Logs go to stderr and the state directory.");
        command.Options.Add(logLevel);
        command.SetAction((parse, _) => RunAsync(parse.GetValue(logLevel)));
        return command;
    }

    public static async Task<int> RunAsync(string? logLevel)
    {
        var paths = StatePaths.FromEnvironment();

        // stdout is the protocol: anything else that writes to Console.Out lands on stderr instead.
        var stdout = Console.OpenStandardOutput();
        var stdin = Console.OpenStandardInput();
        Console.SetOut(Console.Error);
        var level = CommandLineApp.ParseLevel(logLevel ?? Environment.GetEnvironmentVariable("GITSPACES_LOG_LEVEL"));
        using var log = new ServerLog(paths.LogDirectory, level, toStderr: true);
        log.Info($"gitspaces {VersionInfo.FullVersion} serving on stdio (state: {paths.DataDirectory})");
        Credentials.SidecarCredentials.Log = log.Debug;
        try
        {
            return await RpcServer.RunAsync(stdin, stdout, new SidecarServices(paths), log);
        }
        finally
        {
            await Credentials.SidecarCredentials.CloseAsync();
        }
    }
}
