using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Gitspaces.Protocol;

namespace Gitspaces.Core.State;

/// <summary>
/// Keeps each gitspace's events and log as JSON lines in the state directory, so that <c>gitspaces/events</c> and
/// <c>gitspaces/logs</c> answer after the sidecar restarts. Appends are serialized per gitspace.
/// </summary>
public sealed class HistoryStore
{
    private const string EventsFile = "events.jsonl";
    private const string LogFile = "log.jsonl";

    private readonly StatePaths paths;
    private readonly ConcurrentDictionary<string, LogCursor> cursors = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="HistoryStore"/> class.</summary>
    /// <param name="paths">Where the state directory is.</param>
    public HistoryStore(StatePaths paths)
    {
        this.paths = paths;
    }

    /// <summary>Appends an event.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="gitspaceEvent">The event.</param>
    public void AppendEvent(string provider, string gitspaceId, GitspaceEvent gitspaceEvent)
    {
        var cursor = this.CursorFor(provider, gitspaceId);
        var json = JsonSerializer.Serialize(gitspaceEvent, GitspacesJsonContext.Default.GitspaceEvent);
        lock (cursor)
        {
            StatePaths.AppendPrivateText(Path.Combine(cursor.Directory, EventsFile), json + "\n");
        }
    }

    /// <summary>Appends a log line and returns it with its position.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="stream"><c>stdout</c>, <c>stderr</c> or <c>system</c>.</param>
    /// <param name="text">The text.</param>
    /// <param name="time">When it was written.</param>
    /// <returns>The stored line.</returns>
    public LogLine AppendLog(string provider, string gitspaceId, string stream, string text, DateTimeOffset time)
    {
        var cursor = this.CursorFor(provider, gitspaceId);
        lock (cursor)
        {
            var path = Path.Combine(cursor.Directory, LogFile);
            if (cursor.NextPos < 0)
            {
                cursor.NextPos = File.Exists(path) ? CountLines(path) : 0;
            }

            var line = new LogLine { Pos = cursor.NextPos, Line = text, Time = time, Stream = stream };
            StatePaths.AppendPrivateText(path, JsonSerializer.Serialize(line, GitspacesJsonContext.Default.LogLine) + "\n");
            cursor.NextPos++;
            return line;
        }
    }

    /// <summary>Reads every event, oldest first.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <returns>The events; empty when there is no history.</returns>
    public IReadOnlyList<GitspaceEvent> ReadEvents(string provider, string gitspaceId)
    {
        var path = Path.Combine(this.paths.GitspaceDirectoryPath(provider, gitspaceId), EventsFile);
        return ReadJsonLines(path, 0, int.MaxValue, GitspacesJsonContext.Default.GitspaceEvent);
    }

    /// <summary>Reads a page of the log.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="from">The first position.</param>
    /// <param name="limit">The most lines.</param>
    /// <returns>The page.</returns>
    public GitspaceLogsResult ReadLog(string provider, string gitspaceId, long from, int limit)
    {
        var path = Path.Combine(this.paths.GitspaceDirectoryPath(provider, gitspaceId), LogFile);
        var lines = ReadJsonLines(path, from, limit, GitspacesJsonContext.Default.LogLine);
        return new GitspaceLogsResult { Lines = lines, Next = lines.Count == 0 ? from : lines[^1].Pos + 1 };
    }

    /// <summary>Removes a gitspace's history folder and everything in it (on delete).</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    public void Remove(string provider, string gitspaceId)
    {
        var directory = this.paths.GitspaceDirectoryPath(provider, gitspaceId);
        this.cursors.TryRemove(Key(provider, gitspaceId), out _);
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another process may still have a file open here (Windows); the history is already unreachable.
            foreach (var file in new[] { EventsFile, LogFile })
            {
                TryDelete(Path.Combine(directory, file));
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: see Remove.
        }
    }

    private static string Key(string provider, string gitspaceId) => provider + "/" + gitspaceId;

    private static long CountLines(string path)
    {
        long count = 0;
        foreach (var unused in File.ReadLines(path))
        {
            count++;
        }

        return count;
    }

    private static List<T> ReadJsonLines<T>(string path, long skip, int take, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        var result = new List<T>();
        if (!File.Exists(path) || take <= 0)
        {
            return result;
        }

        long index = 0;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (index++ < skip || line.Length == 0)
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize(line, typeInfo) is { } item)
                {
                    result.Add(item);
                }
            }
            catch (JsonException)
            {
                // A torn last line after a crash: the rest of the history is still worth returning.
                continue;
            }

            if (result.Count >= take)
            {
                break;
            }
        }

        return result;
    }

    private LogCursor CursorFor(string provider, string gitspaceId) =>
        this.cursors.GetOrAdd(Key(provider, gitspaceId), _ => new LogCursor(this.paths.GitspaceDirectory(provider, gitspaceId)));

    private sealed class LogCursor(string directory)
    {
        public string Directory { get; } = directory;

        public long NextPos { get; set; } = -1;
    }
}
