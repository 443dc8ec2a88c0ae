namespace Gitspaces.Ssh.Config;

/// <summary>
/// Our own SSH config file, included from the user's: a header and one marked <c>Host</c> entry per gitspace.
/// We own it entirely, so it is always written with LF endings in a canonical layout.
/// </summary>
internal sealed class GitspaceHostsFile
{
    /// <summary>The header written at the top of the file.</summary>
    public static readonly IReadOnlyList<string> Header =
    [
        "# Managed by gitspaces: one Host entry per gitspace, written on create and connect and removed on delete.",
        "# Edits here are lost; put your own settings in your SSH config, below the gitspaces block.",
    ];

    private readonly List<HostEntry> entries;

    private GitspaceHostsFile(List<HostEntry> entries)
    {
        this.entries = entries;
    }

    /// <summary>Gets the entries, in file order.</summary>
    public IReadOnlyList<HostEntry> Entries => this.entries;

    /// <summary>Parses the file's text; lines outside entries (the header, blank lines) are dropped.</summary>
    /// <param name="text">The file's text, or <see langword="null"/> when it does not exist.</param>
    /// <returns>The file.</returns>
    public static GitspaceHostsFile Parse(string? text)
    {
        var entries = new List<HostEntry>();
        List<string>? current = null;
        foreach (var raw in (text ?? string.Empty).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith(HostEntry.BeginMarker, StringComparison.Ordinal))
            {
                current = [line];
            }
            else if (current is not null)
            {
                current.Add(line);
                if (line.StartsWith(HostEntry.EndMarker, StringComparison.Ordinal))
                {
                    if (ToEntry(current) is { } entry)
                    {
                        entries.Add(entry);
                    }

                    current = null;
                }
            }
        }

        return new GitspaceHostsFile(entries);
    }

    /// <summary>Finds the entry of a gitspace.</summary>
    /// <param name="key">The entry's key (<c>provider/id</c>).</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    public HostEntry? Find(string key) => this.entries.Find(e => e.Key == key);

    /// <summary>Adds an entry or replaces the one with the same key, keeping its place.</summary>
    /// <param name="entry">The entry.</param>
    public void Set(HostEntry entry)
    {
        var index = this.entries.FindIndex(e => e.Key == entry.Key);
        if (index >= 0)
        {
            this.entries[index] = entry;
        }
        else
        {
            this.entries.Add(entry);
        }
    }

    /// <summary>Removes the entry with a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The removed entry, or <see langword="null"/> when there was none.</returns>
    public HostEntry? Remove(string key)
    {
        var entry = this.Find(key);
        if (entry is not null)
        {
            this.entries.Remove(entry);
        }

        return entry;
    }

    /// <summary>Renders the file.</summary>
    /// <returns>The text, LF line endings.</returns>
    public string Render()
    {
        var lines = new List<string>(Header);
        foreach (var entry in this.entries)
        {
            lines.Add(string.Empty);
            lines.AddRange(entry.Lines);
        }

        return string.Join('\n', lines) + "\n";
    }

    private static HostEntry? ToEntry(List<string> lines)
    {
        var key = lines[0][HostEntry.BeginMarker.Length..];
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var host = lines.Find(l => l.StartsWith("Host ", StringComparison.Ordinal));
        if (slash <= 0 || host is null || lines[^1] != HostEntry.EndMarker + key)
        {
            // A damaged entry is dropped rather than guessed at; the next Register writes it again.
            return null;
        }

        return new HostEntry(key[..slash], key[(slash + 1)..], host["Host ".Length..].Trim(), lines);
    }
}
