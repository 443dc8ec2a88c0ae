using System.Globalization;
using Gitspaces.Providers.Docker.Locking;

namespace Gitspaces.Providers.Docker.Tests.Locking;

public sealed class EngineLockTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_lock_of_this_home_is_stale_since_this_homes_own_lock_is_held_while_it_is_taken()
    {
        Assert.True(EngineLock.IsStale(Labels(home: "mine", since: Now), "mine", Now, (_, _) => true));
    }

    [Fact]
    public void A_lock_of_another_home_on_this_machine_counts_while_its_process_runs()
    {
        var machine = Machine();
        var process = $"{Environment.ProcessId}@123";

        Assert.False(EngineLock.IsStale(Labels("other", Now.AddDays(-3), machine, process), "mine", Now, (id, ticks) => id == Environment.ProcessId && ticks == 123));
        Assert.True(EngineLock.IsStale(Labels("other", Now, machine, process), "mine", Now, (_, _) => false));
    }

    [Fact]
    public void A_lock_from_another_machine_counts_for_twelve_hours()
    {
        Assert.False(EngineLock.IsStale(Labels("other", Now.AddHours(-11), "0000000000000000", "1@1"), "mine", Now, (_, _) => false));
        Assert.True(EngineLock.IsStale(Labels("other", Now.AddHours(-13), "0000000000000000", "1@1"), "mine", Now, (_, _) => true));
        Assert.True(EngineLock.IsStale(new Dictionary<string, string> { ["dev.gitspaces.lock.home"] = "other" }, "mine", Now, (_, _) => true));
    }

    [Fact]
    public void This_process_is_alive_and_a_made_up_start_time_is_not()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();

        Assert.True(EngineLock.IsAlive(Environment.ProcessId, self.StartTime.ToUniversalTime().Ticks));
        Assert.False(EngineLock.IsAlive(Environment.ProcessId, self.StartTime.ToUniversalTime().AddMinutes(-5).Ticks));
        Assert.False(EngineLock.IsAlive(int.MaxValue, 0));
    }

    private static string Machine()
    {
        // The machine id the lock writes: read back from a lock's own labels would need an engine; it is a hash of the name.
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("gitspaces-machine:" + Environment.MachineName));
        return Convert.ToHexStringLower(hash)[..16];
    }

    private static Dictionary<string, string> Labels(string home, DateTimeOffset since, string? machine = null, string? process = null)
    {
        var labels = new Dictionary<string, string>
        {
            ["dev.gitspaces.lock.home"] = home,
            ["dev.gitspaces.lock.since"] = since.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        };
        if (machine is not null)
        {
            labels["dev.gitspaces.lock.machine"] = machine;
        }

        if (process is not null)
        {
            labels["dev.gitspaces.lock.process"] = process;
        }

        return labels;
    }
}
