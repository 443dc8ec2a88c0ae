using System.Text;
using System.Text.Json;
using Gitspaces.Core.Errors;
using Gitspaces.Core.State;
using Gitspaces.Protocol;

namespace Gitspaces.Core.Secrets;

/// <summary>
/// The user's secrets, in <c>secrets/secrets.json</c> of the settings folder: the folder owner-only (0700), the file
/// owner-only (0600), written atomically. Every call reads the file, so the CLI, editors and proxies agree. Values
/// leave it only for a gitspace's start (<see cref="InScope"/>); nothing else the sidecar writes holds one.
/// </summary>
public sealed class SecretStore
{
    /// <summary>The longest value, in characters.</summary>
    public const int MaxValueLength = 64 * 1024;

    private static readonly Lock WriteGate = new();

    // sshd sets these per session, and the shell needs them as they are: a secret may not replace one.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "HOME", "USER", "LOGNAME", "SHELL", "TERM", "PATH", "PWD", "HOSTNAME", "MAIL", "SSH_AUTH_SOCK", "SSH_CLIENT", "SSH_CONNECTION", "SSH_TTY" };
    private readonly string file;

    /// <summary>Initializes a new instance of the <see cref="SecretStore"/> class.</summary>
    /// <param name="paths">The state directory.</param>
    public SecretStore(StatePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        this.file = Path.Combine(paths.ConfigDirectory, "secrets", "secrets.json");
    }

    /// <summary>Gets the file the secrets are kept in.</summary>
    public string FilePath => this.file;

    /// <summary>Returns why a name cannot be a secret's, or <see langword="null"/> when it can.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The problem.</returns>
    public static string? ValidateName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "a secret needs a name.";
        }

        if (name.Length > 128 || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return $"'{name}' is not an environment variable name (letters, digits and underscores, not starting with a digit, at most 128).";
        }

        if (Reserved.Contains(name) || name.StartsWith("GITSPACES_", StringComparison.Ordinal))
        {
            return $"'{name}' is set by the session itself (or by gitspaces) and cannot be a secret.";
        }

        return null;
    }

    /// <summary>Returns why a value cannot be a secret's, or <see langword="null"/> when it can.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The problem.</returns>
    public static string? ValidateValue(string? value)
    {
        if (value is null)
        {
            return "a secret needs a value.";
        }

        if (value.Length > MaxValueLength)
        {
            return $"the value is longer than {MaxValueLength} characters.";
        }

        // An SSH session's environment comes from one line of authorized_keys (see docs/personalization.md).
        if (value.Any(c => char.IsControl(c) && c != '\t'))
        {
            return "the value has a line break or another control character; an environment variable of an SSH session cannot carry one (base64-encode a multi-line value).";
        }

        return value.EndsWith('\\') ? "the value ends with a backslash, which an SSH session's environment cannot carry." : null;
    }

    /// <summary>Lists the secrets without their values.</summary>
    /// <param name="repository">Only those that reach this repository, when given.</param>
    /// <returns>The secrets, by name then scope.</returns>
    public IReadOnlyList<SecretInfo> List(string? repository = null) =>
        [.. this.Read()
            .Where(e => repository is null || SecretScope.Covers(e.Scope, repository))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ThenBy(e => e.Scope ?? string.Empty, StringComparer.Ordinal)
            .Select(e => new SecretInfo { Name = e.Name, Scope = e.Scope, UpdatedAt = e.UpdatedAt })];

    /// <summary>Sets a secret's value for a scope.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    /// <param name="scope">The scope as the user gave it; global when empty.</param>
    /// <returns>The secret as stored.</returns>
    /// <exception cref="GitspaceException">The name or value is not valid.</exception>
    public SecretInfo Set(string name, string value, string? scope)
    {
        if (ValidateName(name) is { } badName)
        {
            throw GitspaceException.InvalidParams("$.name", "Invalid params: " + badName);
        }

        if (ValidateValue(value) is { } badValue)
        {
            throw GitspaceException.InvalidParams("$.value", "Invalid params: " + badValue);
        }

        var normalized = SecretScope.Normalize(scope);
        var entry = new Entry(name, normalized, value, DateTimeOffset.UtcNow);
        lock (WriteGate)
        {
            var entries = this.Read().Where(e => !(e.Name == name && e.Scope == normalized)).Append(entry).ToList();
            this.Write(entries);
        }

        return new SecretInfo { Name = name, Scope = normalized, UpdatedAt = entry.UpdatedAt };
    }

    /// <summary>Deletes a secret.</summary>
    /// <param name="name">The name.</param>
    /// <param name="scope">The scope it was set for; global when empty.</param>
    /// <returns>Whether it existed.</returns>
    public bool Delete(string name, string? scope)
    {
        var normalized = SecretScope.Normalize(scope);
        lock (WriteGate)
        {
            var entries = this.Read();
            var kept = entries.Where(e => !(e.Name == name && e.Scope == normalized)).ToList();
            if (kept.Count == entries.Count)
            {
                return false;
            }

            this.Write(kept);
            return true;
        }
    }

    /// <summary>
    /// Returns the values a gitspace of a repository gets: every secret whose scope covers it; where several scopes set
    /// one name, the most specific (longest) pattern wins over a shorter one and over the global value.
    /// </summary>
    /// <param name="repository">The repository URL or path.</param>
    /// <returns>The variables by name.</returns>
    public IReadOnlyDictionary<string, string> InScope(string repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in this.Read().Where(e => SecretScope.Covers(e.Scope, repository)).OrderBy(e => e.Scope?.Length ?? -1))
        {
            values[entry.Name] = entry.Value;
        }

        return values;
    }

    private List<Entry> Read()
    {
        var entries = new List<Entry>();
        if (!File.Exists(this.file))
        {
            return entries;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(this.file));
            if (document.RootElement.TryGetProperty("secrets", out var secrets) && secrets.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in secrets.EnumerateArray())
                {
                    if (item.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                        && item.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        var scope = item.TryGetProperty("scope", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                        var at = item.TryGetProperty("updatedAt", out var time) && time.TryGetDateTimeOffset(out var parsed) ? parsed : DateTimeOffset.MinValue;
                        entries.Add(new Entry(name.GetString()!, scope, value.GetString()!, at));
                    }
                }
            }
        }
        catch (JsonException ex)
        {
            // Never silently empty: a gitspace started without its secrets would fail in ways far from the cause.
            throw new GitspaceException(ErrorCodes.InternalError, $"The secret store {this.file} cannot be read ({ex.Message}); fix or remove it.");
        }

        return entries;
    }

    private void Write(List<Entry> entries)
    {
        StatePaths.EnsurePrivateDirectory(Path.GetDirectoryName(this.file)!);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.GetDirectoryName(this.file)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("secrets");
            foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Scope ?? string.Empty, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("name", entry.Name);
                if (entry.Scope is not null)
                {
                    writer.WriteString("scope", entry.Scope);
                }

                writer.WriteString("value", entry.Value);
                writer.WriteString("updatedAt", entry.UpdatedAt);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.Write(Encoding.UTF8.GetBytes("\n"));
        StatePaths.WritePrivateFile(this.file, buffer.ToArray());
    }

    private sealed record Entry(string Name, string? Scope, string Value, DateTimeOffset UpdatedAt);
}
