using Gitspaces.Ssh.Proxy;
using Gitspaces.Ssh.Tests.Support;

namespace Gitspaces.Ssh.Tests;

/// <summary>
/// A stand-in for <c>gitspaces ssh-proxy</c> until the CLI carries it: <c>Gitspaces.Ssh.Tests ssh-proxy --provider
/// test-docker &lt;container&gt;</c> runs the real <see cref="SshProxy"/> over a <c>docker exec -i … sshd -i</c> channel.
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

        if (args is not ["ssh-proxy", "--provider", DockerExecSshChannelProvider.ProviderId, var container])
        {
            await Console.Error.WriteLineAsync($"usage: ssh-proxy --provider {DockerExecSshChannelProvider.ProviderId} <container>");
            return 2;
        }

        using var stdin = Console.OpenStandardInput();
        using var stdout = Console.OpenStandardOutput();
        return await SshProxy.RunAsync(new DockerExecSshChannelProvider(), container, stdin, stdout, Console.Error, CancellationToken.None);
    }
}
