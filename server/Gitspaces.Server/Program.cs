using System.Runtime.CompilerServices;
using Gitspaces.Server.Cli;
using Gitspaces.Ssh.Proxy;

namespace Gitspaces.Server;

/// <summary>The entry point of <c>gitspaces</c>: the JSON-RPC sidecar (<c>serve</c>) and the command-line tool.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args)
    {
        // The paths started over and over go straight to their work: every assembly the command-line parser would
        // load is start-up time an editor waits for (serve), every SSH connection pays (ssh-proxy) or a script pays
        // per configuration it reads or listing it asks for (devcontainer read of a local folder — first, as the
        // ssh-proxy check loads Gitspaces.Ssh, which a read does not need — and list).
        if (DevcontainerCommands.TryReadLocalFolder(args, out var exitCode))
        {
            return Task.FromResult(exitCode);
        }

        if (SshProxyArguments.Parse(args) is { } proxy)
        {
            return RunSshProxyAsync(proxy);
        }

        if (ServeArguments.TryParse(args, out var logLevel))
        {
            return ServeCommand.RunAsync(logLevel);
        }

        if (ListArguments.TryParse(args, out var provider, out var json))
        {
            return GitspaceCommands.ListAsync(provider, json, CancellationToken.None);
        }

        return CommandLineApp.RunAsync(args);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task<int> RunSshProxyAsync(SshProxyArguments proxy) => ConnectCommands.RunSshProxyAsync(proxy.Home, proxy.Provider, proxy.GitspaceId, CancellationToken.None);
}
