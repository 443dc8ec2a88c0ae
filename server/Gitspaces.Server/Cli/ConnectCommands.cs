using System.CommandLine;
using Gitspaces.Core;
using Gitspaces.Core.Errors;
using Gitspaces.Core.State;
using Gitspaces.Protocol;
using Gitspaces.Git.Credentials;
using Gitspaces.Server.Composition;
using Gitspaces.Server.Credentials;
using Gitspaces.Ssh.Config;
using Gitspaces.Ssh.Launch;
using Gitspaces.Ssh.Links;
using Gitspaces.Ssh.Proxy;

namespace Gitspaces.Server.Cli;

/// <summary><c>ssh</c>, <c>open</c> and <c>ssh-proxy</c>: getting inside a gitspace.</summary>
internal static class ConnectCommands
{
    public static void AddTo(RootCommand root, CommandSelection selection)
    {
        GitspaceCommands.Add(root, selection, Ssh, "ssh");
        GitspaceCommands.Add(root, selection, Open, "open");
        GitspaceCommands.Add(root, selection, SshProxyCommand, "ssh-proxy");
    }

    private static Command Ssh()
    {
        var id = new Argument<string>("gitspace") { Description = "The gitspace's name." };
        var command = new Argument<string[]>("command") { Description = "A command to run instead of a shell (after --).", Arity = ArgumentArity.ZeroOrMore };
        var ssh = new Command("ssh", "Open a shell in a gitspace (starting it if needed), or run one command; the exit code is passed through.") { id, command };
        ssh.SetAction((parse, ct) => GitspaceCommands.RunAsync(false, false, async (service, output) =>
        {
            var connection = await service.ConnectAsync(parse.GetValue(id)!, null, output, ct);
            var paths = StatePaths.FromEnvironment();
            var registryOptions = SshHostRegistryOptions.Create(paths, Environment.GetEnvironmentVariable("GITSPACES_SSH_CONFIG"));
            var registry = new SshHostRegistry(registryOptions);
            var ours = registry.FindGitspace(connection.SshHost) is not null;

            // git in this session asks the user's credential helpers here, through a socket this ssh forwards in.
            await using var broker = ours ? CredentialBroker.Listen(SidecarCredentials.Responder(paths, connection.SshHost).AnswerAsync) : null;
            var forwards = broker is null ? [] : SshCommandLine.RemoteSocketForward(ContainerCredentialHelper.NewSocketPath(), broker.SocketPath);
            if (ours && registry.ForwardsAgent(connection.SshHost) && SshAgent.Problem(Environment.GetEnvironmentVariable) is { } agentProblem)
            {
                await Console.Error.WriteLineAsync("gitspaces: " + agentProblem);
            }

            // ssh reads the config of the account's home, which need not be $HOME: name the file we wrote to.
            var arguments = SshCommandLine.Build(connection.SshHost, connection.WorkspaceFolder, parse.GetValue(command) ?? [], registryOptions.UserConfigPath, forwards);
            return await SshCommandLine.RunAsync(arguments, ct);
        }));
        return ssh;
    }

    private static Command Open()
    {
        var id = new Argument<string>("gitspace") { Description = "The gitspace's name." };
        var ide = new Option<string>("--ide")
        {
            Description = $"The editor: {IdeNames.Help}, vscode-insiders, toolbox (default: the gitspace's IDE).",
        };
        var print = new Option<bool>("--print") { Description = "Print the link instead of opening it." };
        var open = new Command("open", "Open a gitspace in an editor through its deep link.") { id, ide, print };
        open.SetAction((parse, ct) => GitspaceCommands.RunAsync(false, false, async (service, output) =>
        {
            var requested = parse.GetValue(ide);
            // The same names as `up --ide` (vscode and vs_code alike); the links' own names (vscode-insiders, toolbox)
            // need no IDE of their own.
            var ideId = requested is null or "vscode-insiders" or "toolbox" ? null : IdeNames.Normalize(requested) ?? requested;
            var linkName = ideId ?? requested;
            var connection = await service.ConnectAsync(parse.GetValue(id)!, ideId, output, ct);
            var link = GitspaceLinks.ForIde(connection.Links, linkName ?? connection.Gitspace.Ide)
                ?? throw new GitspaceException(ErrorCodes.NotSupported, $"There is no link for '{requested ?? connection.Gitspace.Ide}'. Try --ide vscode, cursor, windsurf, intellij or toolbox.");
            if (parse.GetValue(print))
            {
                Console.Out.WriteLine(link);
                return 0;
            }

            Console.Out.WriteLine($"opening {link}");
            return await new LinkOpener().OpenAsync(link, ct);
        }));
        return open;
    }

    private static Command SshProxyCommand()
    {
        var id = new Argument<string>("gitspace") { Description = "The gitspace's id." };
        var provider = new Option<string>("--provider") { Description = "The provider that runs it.", DefaultValueFactory = _ => "docker" };
        var home = new Option<string?>("--home") { Description = "The state directory (GITSPACES_HOME) the entry was written with." };
        var proxy = new Command("ssh-proxy", "The ProxyCommand of a gitspace's SSH host: carries the SSH stream to sshd inside it, with no port opened.") { id, provider, home };
        proxy.Hidden = true;
        proxy.SetAction((parse, ct) => RunSshProxyAsync(parse.GetValue(home), parse.GetValue(provider)!, parse.GetValue(id)!, ct));
        return proxy;
    }

    /// <summary>Runs the proxy: the SSH stream between this process's stdio and sshd in the gitspace.</summary>
    /// <param name="home">The state directory the SSH entry was written with, or null for the environment's.</param>
    /// <param name="provider">The provider.</param>
    /// <param name="gitspaceId">The gitspace.</param>
    /// <param name="cancellationToken">Ends the session.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunSshProxyAsync(string? home, string provider, string gitspaceId, CancellationToken cancellationToken)
    {
        // stdout carries the SSH stream: nothing else may be written there.
        var stdout = Console.OpenStandardOutput();
        var stdin = Console.OpenStandardInput();
        Console.SetOut(Console.Error);
        var paths = home is { Length: > 0 } h ? new StatePaths(Path.GetFullPath(h), Path.Combine(Path.GetFullPath(h), "config")) : StatePaths.FromEnvironment();
        return await SshProxy.RunAsync(ProviderFactory.Registry, provider, paths, gitspaceId, stdin, stdout, Console.Error, cancellationToken);
    }
}
