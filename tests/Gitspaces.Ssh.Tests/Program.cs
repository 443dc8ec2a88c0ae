using Gitspaces.Core.State;
using Gitspaces.Providers.Docker;
using Gitspaces.Ssh.Config;
using Gitspaces.Ssh.Keys;
using Gitspaces.Ssh.Proxy;
using Gitspaces.Ssh.Tests.Support;

namespace Gitspaces.Ssh.Tests;

/// <summary>
/// A stand-in for <c>gitspaces ssh-proxy</c> until the CLI carries it: <c>Gitspaces.Ssh.Tests ssh-proxy [--home
/// &lt;dir&gt;] --provider docker|test-docker &lt;id&gt;</c> runs the real <see cref="SshProxy"/> over the Docker provider's
/// channel, or over the tests' own <c>docker exec -i … sshd -i</c> channel.
/// <c>bench &lt;runs&gt;</c> runs the SSH benchmark (bench/ssh/run.sh).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["bench", var runs])
        {
            return await Bench.SshBenchmark.RunAsync(int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture));
        }

        if (SshProxyArguments.Parse(args) is not { Provider: "docker" or DockerExecSshChannelProvider.ProviderId } proxy)
        {
            await Console.Error.WriteLineAsync(SshProxyArguments.Usage);
            return 2;
        }

        if (proxy.Home is not null)
        {
            Environment.SetEnvironmentVariable("GITSPACES_HOME", proxy.Home);
        }

        using var stdin = Console.OpenStandardInput();
        using var stdout = Console.OpenStandardOutput();
        if (proxy.Provider == DockerExecSshChannelProvider.ProviderId)
        {
            return await SshProxy.RunAsync(new DockerExecSshChannelProvider(), proxy.GitspaceId, stdin, stdout, Console.Error, CancellationToken.None);
        }

        using var docker = CreateDockerProvider(StatePaths.FromEnvironment());
        return await SshProxy.RunAsync(docker, proxy.GitspaceId, stdin, stdout, Console.Error, CancellationToken.None);
    }

    /// <summary>The Docker provider wired the way the sidecar wires it.</summary>
    public static DockerProvider CreateDockerProvider(StatePaths paths, SshHostRegistryOptions? registry = null, Func<string, string?>? environment = null) =>
        new(
            paths,
            new SshIdentityStore(paths),
            new SshHostRegistry(registry ?? SshHostRegistryOptions.Create(paths)),
            new DockerProviderOptions { Environment = environment ?? Environment.GetEnvironmentVariable });
}
