using System.Text;
using System.Text.Json;

namespace Gitspaces.Core.State;

/// <summary>
/// The repositories the user trusts, by repository URL (<see cref="KeyOf"/>), in <c>trust.json</c> of the settings
/// folder (owner-only). A trusted repository's configuration may reach this machine (host mounts, privileges,
/// <c>initializeCommand</c>); trust is given with <c>--trust</c> or an editor's consent and revoked with
/// <c>gitspaces trust revoke</c>. Every call reads the file, so several processes agree.
/// </summary>
public sealed class TrustStore
{
    private const string FileName = "trust.json";
    private static readonly Lock WriteGate = new();
    private readonly string file;

    /// <summary>Initializes a new instance of the <see cref="TrustStore"/> class.</summary>
    /// <param name="paths">The state directory.</param>
    public TrustStore(StatePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        this.file = Path.Combine(paths.ConfigDirectory, FileName);
    }

    /// <summary>
    /// Returns the key a repository is trusted by: a URL without credentials, scheme and host in lower case, without a
    /// trailing <c>/</c> or <c>.git</c> (so <c>https://User:tok@GitHub.com/o/r.git</c> and <c>https://github.com/o/r</c>
    /// are one repository); a local path made absolute.
    /// </summary>
    /// <param name="repository">The repository as given.</param>
    /// <returns>The key.</returns>
    public static string KeyOf(string repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var text = repository.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && !uri.IsFile && uri.Scheme.Length > 1)
        {
            var port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return $"{uri.Scheme.ToLowerInvariant()}://{uri.Host.ToLowerInvariant()}{port}{TrimRepositoryPath(uri.AbsolutePath)}";
        }

        if (uri is { IsFile: true })
        {
            return "file://" + TrimRepositoryPath(uri.LocalPath);
        }

        // scp-like ssh: [user@]host:path
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (colon > 1 && (slash < 0 || colon < slash))
        {
            var host = text[..colon];
            host = host[(host.LastIndexOf('@') + 1)..].ToLowerInvariant();
            return $"{host}:{TrimRepositoryPath(text[(colon + 1)..])}";
        }

        return TrimRepositoryPath(Path.GetFullPath(text));
    }

    /// <summary>Tells whether the user trusts a repository.</summary>
    /// <param name="repository">The repository as given (see <see cref="KeyOf"/>).</param>
    /// <returns>Whether it is trusted.</returns>
    public bool IsTrusted(string repository) => this.Read().ContainsKey(KeyOf(repository));

    /// <summary>Lists the trusted repositories and when each was trusted.</summary>
    /// <returns>The keys and times, in key order.</returns>
    public IReadOnlyList<KeyValuePair<string, DateTimeOffset>> List() => [.. this.Read().OrderBy(e => e.Key, StringComparer.Ordinal)];

    /// <summary>Trusts a repository from now on.</summary>
    /// <param name="repository">The repository as given (see <see cref="KeyOf"/>).</param>
    /// <returns>The key it is trusted by.</returns>
    public string Trust(string repository)
    {
        var key = KeyOf(repository);
        lock (WriteGate)
        {
            var entries = this.Read();
            entries.TryAdd(key, DateTimeOffset.UtcNow);
            this.Write(entries);
        }

        return key;
    }

    /// <summary>Revokes the trust in a repository.</summary>
    /// <param name="repository">The repository as given (see <see cref="KeyOf"/>), or a key as <see cref="List"/> shows it.</param>
    /// <returns>Whether it was trusted.</returns>
    public bool Revoke(string repository)
    {
        lock (WriteGate)
        {
            var entries = this.Read();
            var removed = entries.Remove(repository) || entries.Remove(KeyOf(repository));
            if (removed)
            {
                this.Write(entries);
            }

            return removed;
        }
    }

    private static string TrimRepositoryPath(string path)
    {
        var trimmed = path.TrimEnd('/');
        trimmed = trimmed.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? trimmed[..^4] : trimmed;
        return trimmed.TrimEnd('/');
    }

    private Dictionary<string, DateTimeOffset> Read()
    {
        var entries = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (!File.Exists(this.file))
        {
            return entries;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(this.file));
            if (document.RootElement.TryGetProperty("repositories", out var repositories) && repositories.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in repositories.EnumerateArray())
                {
                    if (entry.TryGetProperty("repository", out var key) && key.ValueKind == JsonValueKind.String)
                    {
                        var at = entry.TryGetProperty("trustedAt", out var time) && time.TryGetDateTimeOffset(out var parsed) ? parsed : DateTimeOffset.MinValue;
                        entries[key.GetString()!] = at;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A damaged file trusts nothing: the user is asked again, which is the safe side.
        }

        return entries;
    }

    private void Write(Dictionary<string, DateTimeOffset> entries)
    {
        StatePaths.EnsurePrivateDirectory(Path.GetDirectoryName(this.file)!);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("repositories");
            foreach (var (key, at) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("repository", key);
                writer.WriteString("trustedAt", at);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.Write(Encoding.UTF8.GetBytes("\n"));
        StatePaths.WritePrivateFile(this.file, buffer.ToArray());
    }
}
