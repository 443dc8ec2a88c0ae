using System.Globalization;
using System.Text.Json.Nodes;
using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Rpc;

/// <summary>
/// A bounded, seeded run of <see cref="FrameFuzzer"/> against a real <c>gitspaces serve</c>: every class of hostile
/// frame, interleaved with probes that must each be answered. <c>GITSPACES_FUZZ_SEED</c> and
/// <c>GITSPACES_FUZZ_FRAMES</c> change the run; <c>bench/fuzz/run.sh</c> runs a long one with a random seed.
/// </summary>
public sealed class FrameFuzzTests
{
    [Fact]
    public async Task EveryClassOfHostileFrameLeavesTheServerServing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("GITSPACES_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 13;
        var count = int.TryParse(Environment.GetEnvironmentVariable("GITSPACES_FUZZ_FRAMES"), CultureInfo.InvariantCulture, out var n) ? n : 400;
        await using var server = SidecarProcess.Start();
        await server.InitializeAsync();
        var fuzzer = new FrameFuzzer(seed);
        var sent = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var i = 0; i < count; i++)
        {
            var (kind, frame) = fuzzer.Next();
            sent[kind] = sent.GetValueOrDefault(kind) + 1;
            await server.SendRawAsync(frame);
            if (i % 10 == 9 || kind is "over-limit" or "bad-header" || i == count - 1)
            {
                // A string id no fuzzed frame uses, so only the probe's own answer matches.
                var probeId = "probe-" + i.ToString(CultureInfo.InvariantCulture);
                await server.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = probeId, ["method"] = "fuzz/probe" });
                var probe = await server.WaitForAsync(m => m["id"] is JsonValue v && v.TryGetValue<string>(out var got) && got == probeId, TimeSpan.FromMinutes(2));
                Assert.True(probe["error"]?["code"]?.GetValue<int>() == -32601, $"seed {seed}, frame {i} ({kind}): the probe got {probe.ToJsonString()}");
            }
        }

        Assert.False(server.Process.HasExited, $"seed {seed}: the server exited. stderr:\n{server.Stderr}");
        Assert.Empty(server.StdoutViolations);
        Assert.Equal(FrameFuzzer.Classes.Order(StringComparer.Ordinal), sent.Keys.Order(StringComparer.Ordinal));
    }
}
