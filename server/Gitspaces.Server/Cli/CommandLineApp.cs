using System.CommandLine;
using Gitspaces.Server.Logging;

namespace Gitspaces.Server.Cli;

/// <summary>The command tree. Each command calls the same service layer as the RPC methods.</summary>
internal static class CommandLineApp
{
    /// <summary>How long a command has, after Ctrl+C or SIGTERM, to stop its work and say so before the process ends anyway.</summary>
    internal static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        // Only the command the line names is built; a name no command has (a typo) gets the whole tree and its suggestions.
        var root = CreateRoot(CommandSelection.For(args));
        if (root.Subcommands.Count == 0)
        {
            root = CreateRoot(CommandSelection.All);
        }

        // Ctrl+C cancels the command's token; the command then stops what it started (a lifecycle command in the
        // gitspace) and records the cancel, which takes longer than System.CommandLine's default 2 s before it gives up
        // waiting and the process ends with the work half-stopped.
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = CancelGrace });
    }

    /// <summary>Builds the command tree, or the part of it a selection wants.</summary>
    /// <param name="selection">Which top-level commands to build.</param>
    /// <returns>The root command.</returns>
    internal static RootCommand CreateRoot(CommandSelection selection)
    {
        var root = new RootCommand("gitspaces — development environments from git repositories, for your editor.\n"
            + "Run `gitspaces serve` to speak JSON-RPC over stdio (what the IDE extensions do), or use the commands below.");
        if (selection.Wants("serve"))
        {
            root.Subcommands.Add(ServeCommand.Create());
        }

        GitspaceCommands.AddTo(root, selection);
        ConnectCommands.AddTo(root, selection);
        PortCommands.AddTo(root, selection);
        DevcontainerCommands.AddTo(root, selection);
        LoginCommand.AddTo(root, selection);
        TrustCommands.AddTo(root, selection);
        SecretCommands.AddTo(root, selection);
        return root;
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
