using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gitspaces.Core.Errors;
using Gitspaces.Docker.Engine;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker.Locking;

/// <summary>
/// A gitspace's lock on the engine: a container named <c>gitspace-&lt;id&gt;-lock</c> that is created and never started.
/// Container names are unique per engine and the engine creates one atomically, so of two homes creating it at once
/// one gets a conflict: the engine is the arbiter, wherever the homes run. It is made from a tiny image imported from an
/// empty archive (no registry involved), and its labels name the holding home and process so that a dead holder's lock
/// is broken rather than kept forever.
/// </summary>
internal sealed class EngineLock : IAsyncDisposable
{
    /// <summary>The image lock containers are made from: an empty file system, imported on first use.</summary>
    public const string Image = "gitspaces-lock:1";

    /// <summary>The label naming the gitspace a lock container locks.</summary>
    public const string LockOf = "dev.gitspaces.lock";

    private const string HolderHome = "dev.gitspaces.lock.home";
    private const string HolderMachine = "dev.gitspaces.lock.machine";
    private const string HolderProcess = "dev.gitspaces.lock.process";
    private const string Since = "dev.gitspaces.lock.since";

    /// <summary>How long a lock held from another machine counts, since its process cannot be checked from here.</summary>
    private static readonly TimeSpan OtherMachineLease = TimeSpan.FromHours(12);

    private static readonly Lazy<string> ThisMachine = new(() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("gitspaces-machine:" + Environment.MachineName)))[..16]);

    private readonly EngineClient engine;
    private readonly string containerId;

    private EngineLock(EngineClient engine, string containerId)
    {
        this.engine = engine;
        this.containerId = containerId;
    }

    /// <summary>Gets the lock container's name for a gitspace.</summary>
    /// <param name="gitspaceId">The gitspace.</param>
    /// <returns>The name.</returns>
    public static string NameOf(string gitspaceId) => "gitspace-" + gitspaceId + "-lock";

    /// <summary>Takes a gitspace's lock, breaking one whose holder is gone.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="gitspaceId">The gitspace.</param>
    /// <param name="home">This home's id.</param>
    /// <param name="now">The time now.</param>
    /// <param name="isAlive">Whether a process of this machine (id, start time) still runs.</param>
    /// <param name="cancellationToken">Stops the attempt.</param>
    /// <returns>The held lock.</returns>
    /// <exception cref="GitspaceException">GitspaceBusy while another home's live operation holds it.</exception>
    public static async Task<EngineLock> AcquireAsync(EngineClient engine, string gitspaceId, string home, DateTimeOffset now, Func<int, long, bool> isAlive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(isAlive);
        var name = NameOf(gitspaceId);
        var body = CreateBody(gitspaceId, home, now);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new EngineLock(engine, await engine.CreateContainerAsync(name, body, cancellationToken));
            }
            catch (EngineException ex) when (ex.StatusCode == HttpStatusCode.NotFound && attempt < 4)
            {
                // The lock image is not there yet (a new engine, or someone pruned it).
                await ImportImageAsync(engine, cancellationToken);
            }
            catch (EngineException ex) when (ex.StatusCode == HttpStatusCode.Conflict && attempt < 4)
            {
                var held = await engine.InspectContainerAsync(name, cancellationToken);
                if (held is null)
                {
                    continue; // Let go between the two calls.
                }

                IReadOnlyDictionary<string, string> labels = held.Config.Labels ?? new Dictionary<string, string>();
                if (!IsStale(labels, home, now, isAlive))
                {
                    throw Busy(gitspaceId, labels);
                }

                try
                {
                    await engine.RemoveContainerAsync(held.Id, cancellationToken);
                }
                catch (EngineException removing) when (removing.StatusCode == HttpStatusCode.Conflict)
                {
                    // Its holder is letting go right now ("removal … is already in progress").
                    await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
                }
            }
        }
    }

    /// <summary>Tells whether a lock's holder is gone.</summary>
    /// <param name="labels">The lock container's labels.</param>
    /// <param name="home">This home's id.</param>
    /// <param name="now">The time now.</param>
    /// <param name="isAlive">Whether a process of this machine (id, start time) still runs.</param>
    /// <returns><see langword="true"/> when the lock may be broken.</returns>
    internal static bool IsStale(IReadOnlyDictionary<string, string> labels, string home, DateTimeOffset now, Func<int, long, bool> isAlive)
    {
        // This home's operations are already kept apart by its own lock, which this one is taken under: a lock of this
        // home that is still here was left by a process that died holding it.
        if (labels.TryGetValue(HolderHome, out var holderHome) && holderHome == home)
        {
            return true;
        }

        if (labels.TryGetValue(HolderMachine, out var machine) && machine == ThisMachine.Value
            && labels.TryGetValue(HolderProcess, out var process) && ParseProcess(process) is { } holder)
        {
            return !isAlive(holder.Id, holder.StartTicks);
        }

        return !labels.TryGetValue(Since, out var since)
            || !DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var taken)
            || now - taken > OtherMachineLease;
    }

    /// <summary>Tells whether a process of this machine still runs: the id and the start time, so a reused id does not count.</summary>
    /// <param name="processId">The process id.</param>
    /// <param name="startTicks">Its start time in UTC ticks.</param>
    /// <returns><see langword="true"/> when it runs.</returns>
    internal static bool IsAlive(int processId, long startTicks)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.StartTime.ToUniversalTime().Ticks / TimeSpan.TicksPerSecond == startTicks / TimeSpan.TicksPerSecond;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() =>
        // Removed by its id, never its name: a later operation may already hold a new lock of the same name.
        new(this.RemoveAsync());

    private async Task RemoveAsync()
    {
        try
        {
            await this.engine.RemoveContainerAsync(this.containerId, CancellationToken.None);
        }
        catch (Exception ex) when (ex is EngineException or IOException or TimeoutException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            // The engine went away: the lock stays, and whoever comes next finds its holder gone and breaks it.
        }
    }

    private static async Task ImportImageAsync(EngineClient engine, CancellationToken cancellationToken)
    {
        // An empty tar is two zero blocks: a file system with nothing in it, which is all a container that never starts needs.
        using var empty = new MemoryStream(new byte[1024]);
        await engine.ImportImageAsync(Image, empty, ["LABEL dev.gitspaces.lock-image=1"], cancellationToken);
    }

    private static byte[] CreateBody(string gitspaceId, string home, DateTimeOffset now)
    {
        using var self = Process.GetCurrentProcess();
        var process = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}@{self.StartTime.ToUniversalTime().Ticks}");
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("Image", Image);
            writer.WriteStartArray("Cmd");
            writer.WriteStringValue("lock");
            writer.WriteEndArray();
            writer.WriteBoolean("NetworkDisabled", true);
            writer.WriteStartObject("Labels");
            writer.WriteString(LockOf, gitspaceId);
            writer.WriteString(HolderHome, home);
            writer.WriteString(HolderMachine, ThisMachine.Value);
            writer.WriteString(HolderProcess, process);
            writer.WriteString(Since, now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            writer.WriteStartObject("HostConfig");
            writer.WriteString("NetworkMode", "none");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static (int Id, long StartTicks)? ParseProcess(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0
            && int.TryParse(value.AsSpan(0, at), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && long.TryParse(value.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? (id, ticks)
            : null;
    }

    private static GitspaceException Busy(string gitspaceId, IReadOnlyDictionary<string, string> labels)
    {
        var since = labels.TryGetValue(Since, out var s) ? $" since {s}" : string.Empty;
        return new GitspaceException(ErrorCodes.GitspaceBusy, $"Gitspace '{gitspaceId}' is busy: another Gitspaces home on this Docker engine is running an operation on it{since}.", new ErrorData
        {
            Kind = nameof(ErrorCodes.GitspaceBusy),
            GitspaceId = gitspaceId,
            Hint = $"Wait for it to finish, then try again. If that process is gone for good (its machine is off), `docker rm {NameOf(gitspaceId)}` lets go of the lock.",
        });
    }
}
