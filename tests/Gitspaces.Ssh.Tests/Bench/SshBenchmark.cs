using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gitspaces.Ssh.Tests.Support;

namespace Gitspaces.Ssh.Tests.Bench;

/// <summary>
/// <c>bench/ssh/run.sh</c>: in one run, side by side and interleaved, <c>docker exec &lt;c&gt; true</c> against
/// <c>ssh gitspace-x true</c> through the config and proxy we write, plus what the proxy costs on its own.
/// </summary>
internal static class SshBenchmark
{
    public static async Task<int> RunAsync(int runs)
    {
        await using var world = await SshWorld.CreateAsync();
        await using var product = await DockerGitspaceWorld.CreateAsync(CancellationToken.None, await RealSidecar.RequireAsync());
        var connect = await product.ConnectAsync(CancellationToken.None);
        var container = world.Container.Name;
        var cases = new (string Name, string Program, string[] Arguments, IReadOnlyDictionary<string, string> Environment, bool MustSucceed)[]
        {
            ("docker exec <c> true", "docker", ["exec", container, "true"], world.Environment, true),
            ("ssh gitspace-x true (our config + published Native AOT `gitspaces ssh-proxy` + Docker provider channel)", "ssh", [.. product.SshArguments(connect.SshHost, "true")], product.Environment, true),
            ("ssh gitspace-x true (our config + SshProxy + docker CLI exec channel)", "ssh", [.. world.SshArguments([world.Alias, "true"])], world.Environment, true),
            ("ssh, ProxyCommand = docker exec -i … sshd -i (no sidecar)", "ssh", [.. world.SshArguments(["-o", $"ProxyCommand=docker exec -i {container} /usr/sbin/sshd -i -f {SshServerConfig.DefaultConfigPath}", world.Alias, "true"])], world.Environment, true),
            ("test proxy host start only (usage error, no channel)", SshWorld.TestProxyHost, ["ssh-proxy"], world.Environment, false),
            ("`gitspaces ssh-proxy` start only (provider without a channel)", RealSidecar.Path, ["ssh-proxy", "--provider", "none", "x"], world.Environment, false),
        };
        var timings = cases.Select(_ => new List<double>()).ToArray();
        for (var i = -2; i < runs; i++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                var watch = Stopwatch.StartNew();
                var result = await Run.ProgramAsync(cases[c].Program, cases[c].Arguments, environment: cases[c].Environment);
                watch.Stop();
                if (result.ExitCode != 0 && cases[c].MustSucceed)
                {
                    await Console.Error.WriteLineAsync($"{cases[c].Name} failed: {result}");
                    return 1;
                }

                if (i >= 0)
                {
                    timings[c].Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        var baseline = Median(timings[0]);
        var table = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{runs} runs each, interleaved, after 2 warm-up rounds; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC")
            .AppendLine()
            .AppendLine("| case | median ms | p90 ms | min ms | × docker exec |")
            .AppendLine("|---|---:|---:|---:|---:|");
        for (var c = 0; c < cases.Length; c++)
        {
            var sorted = timings[c].Order().ToList();
            table.AppendLine(CultureInfo.InvariantCulture, $"| {cases[c].Name} | {Median(sorted):F0} | {sorted[(int)Math.Ceiling(sorted.Count * 0.9) - 1]:F0} | {sorted[0]:F0} | {Median(sorted) / baseline:F2} |");
        }

        Console.Write(table.ToString());
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
