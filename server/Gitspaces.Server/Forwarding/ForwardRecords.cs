using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Gitspaces.Core.State;

namespace Gitspaces.Server.Forwarding;

/// <summary>
/// The forwards of every gitspaces process on this machine: one file per forward in the gitspace's state folder
/// (<c>forwards/&lt;service&gt;@&lt;port&gt;.&lt;pid&gt;.json</c>), written by the process that holds the listener and
/// removed when it stops. Another process stops a forward by removing its file; the holder notices within a second.
/// A file whose process is gone is stale and removed by whoever reads it.
/// </summary>
internal sealed class ForwardRecords
{
    private readonly StatePaths paths;

    /// <summary>Initializes a new instance of the <see cref="ForwardRecords"/> class.</summary>
    /// <param name="paths">The state directory.</param>
    public ForwardRecords(StatePaths paths)
    {
        this.paths = paths;
    }

    /// <summary>Returns the file of a forward.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="service">The compose service, or <see langword="null"/>.</param>
    /// <param name="port">The port inside the gitspace.</param>
    /// <param name="processId">The process that holds it.</param>
    /// <returns>The path.</returns>
    public string PathOf(string provider, string gitspaceId, string? service, int port, int processId) =>
        Path.Combine(this.Folder(provider, gitspaceId), $"{Uri.EscapeDataString(service ?? "_")}@{port.ToString(CultureInfo.InvariantCulture)}.{processId.ToString(CultureInfo.InvariantCulture)}.json");

    /// <summary>Writes a forward's file (owner-only).</summary>
    /// <param name="path">The file.</param>
    /// <param name="record">The forward.</param>
    public static void Write(string path, ForwardRecord record) =>
        StatePaths.WritePrivateFile(path, JsonSerializer.SerializeToUtf8Bytes(record, ForwardingJsonContext.Default.ForwardRecord));

    /// <summary>Lists the live forwards of a gitspace, removing stale files.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <returns>Each forward with its file.</returns>
    public IReadOnlyList<(string Path, ForwardRecord Record)> List(string provider, string gitspaceId)
    {
        var folder = this.Folder(provider, gitspaceId);
        var result = new List<(string, ForwardRecord)>();
        if (!Directory.Exists(folder))
        {
            return result;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            ForwardRecord? record;
            try
            {
                record = JsonSerializer.Deserialize(File.ReadAllBytes(file), ForwardingJsonContext.Default.ForwardRecord);
            }
            catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
            {
                // Removed meanwhile, or half-written by a process that died: not a forward.
                continue;
            }

            if (record?.Forward.ProcessId is not { } pid || !IsAlive(pid))
            {
                TryDelete(file);
                continue;
            }

            result.Add((file, record));
        }

        return result;
    }

    /// <summary>Removes a file, if it is still there.</summary>
    /// <param name="path">The file.</param>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another process removed it first, or it is being replaced; either way it is not ours to keep.
        }
    }

    private string Folder(string provider, string gitspaceId) => Path.Combine(this.paths.GitspaceDirectoryPath(provider, gitspaceId), "forwards");

    private static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
