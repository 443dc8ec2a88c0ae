using System.Text;

namespace Gitspaces.Git.Credentials;

/// <summary>
/// git's credential format: <c>key=value</c> lines, as <c>git credential</c> and its helpers read and write them. A value
/// runs to the end of its line (it may hold <c>=</c>); keys are letters, digits, <c>_</c>, <c>-</c> and a final <c>[]</c>.
/// </summary>
public static class CredentialLines
{
    /// <summary>Reads the lines up to the first blank one (or the end); a line that is not <c>key=value</c> makes the whole text invalid.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The pairs in order, or <see langword="null"/> when a line is malformed.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>>? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                break;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !IsKey(line.AsSpan(0, equals)) || line.Contains('\0', StringComparison.Ordinal))
            {
                return null;
            }

            pairs.Add(new(line[..equals], line[(equals + 1)..]));
        }

        return pairs;
    }

    /// <summary>Writes pairs as lines; a pair whose key or value could break the format is left out.</summary>
    /// <param name="pairs">The pairs.</param>
    /// <returns>The lines, each ending with <c>\n</c>, without the closing blank line.</returns>
    public static string Format(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var text = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            if (IsKey(key) && IsValue(value))
            {
                text.Append(key).Append('=').Append(value).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Returns whether a text may be a key.</summary>
    /// <param name="key">The text.</param>
    /// <returns>Whether it is letters, digits, <c>_</c> and <c>-</c>, optionally followed by <c>[]</c>.</returns>
    public static bool IsKey(ReadOnlySpan<char> key)
    {
        if (key.EndsWith("[]", StringComparison.Ordinal))
        {
            key = key[..^2];
        }

        if (key.IsEmpty)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not '-' and not '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns whether a text may be a value: one line, no NUL.</summary>
    /// <param name="value">The text.</param>
    /// <returns>Whether it fits on one line.</returns>
    public static bool IsValue(string value) => value is not null && value.IndexOfAny(['\n', '\r', '\0']) < 0;
}
