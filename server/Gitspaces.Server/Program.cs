using Gitspaces.Server.Cli;

namespace Gitspaces.Server;

/// <summary>The entry point of <c>gitspaces</c>: the JSON-RPC sidecar (<c>serve</c>) and the command-line tool.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => CommandLineApp.RunAsync(args);
}
