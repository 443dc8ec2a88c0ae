using System.CommandLine;
using Gitspaces.Server.Logging;

namespace Gitspaces.Server.Cli;

/// <summary>The command tree. Each command calls the same service layer as the RPC methods.</summary>
internal static class CommandLineApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("gitspaces — development environments from git repositories, for your editor.\n"
            + "Run `gitspaces serve` to speak JSON-RPC over stdio (what the IDE extensions do), or use the commands below.");
        root.Subcommands.Add(ServeCommand.Create());
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
}
