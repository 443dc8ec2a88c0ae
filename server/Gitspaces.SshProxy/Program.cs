using Gitspaces.Core.Providers;
using Gitspaces.Core.State;
using Gitspaces.Providers.Docker;
using Gitspaces.Ssh.Proxy;
using ProxySession = Gitspaces.Ssh.Proxy.SshProxy;

namespace Gitspaces.SshProxy;

/// <summary>
/// <c>gitspaces-ssh-proxy ssh-proxy [--home &lt;dir&gt;] --provider docker &lt;id&gt;</c>: the same command line, output and
/// exit codes as <c>gitspaces ssh-proxy</c>, which <c>SshHostRegistry</c> writes after this program's path when it sits
/// next to the sidecar.
/// </summary>
internal static class Program
{
    // The channels this program carries, by the provider id the SSH entry names: Docker's alone, without its provider.
    private static readonly ProviderRegistry Channels = new([new ProviderRegistration(DockerSshChannel.ProviderId) { CreateSshChannel = paths => new DockerSshChannel(paths) }]);

    private static async Task<int> Main(string[] args)
    {
        if (SshProxyArguments.Parse(args) is not { } proxy)
        {
            await Console.Error.WriteLineAsync(SshProxyArguments.Usage);
            return 2;
        }

        // stdout carries the SSH stream: nothing else may be written there.
        using var stdout = Console.OpenStandardOutput();
        using var stdin = Console.OpenStandardInput();

        // --home stands for GITSPACES_HOME: ssh starts us with the editor's environment, which does not carry it.
        var paths = StatePaths.FromEnvironment(name => name == "GITSPACES_HOME" && proxy.Home is { Length: > 0 } home ? home : Environment.GetEnvironmentVariable(name));
        return await ProxySession.RunAsync(Channels, proxy.Provider, paths, proxy.GitspaceId, stdin, stdout, Console.Error, CancellationToken.None);
    }
}
