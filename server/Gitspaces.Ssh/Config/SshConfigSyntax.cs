using System.Text;

namespace Gitspaces.Ssh.Config;

/// <summary>
/// Quoting for values in OpenSSH config files. Path keywords are split into arguments by ssh itself (double quotes,
/// backslash escapes) and expand <c>%</c> tokens; <c>ProxyCommand</c> is handed to the user's shell
/// (<c>$SHELL -c "exec …"</c>) on Unix and to <c>CreateProcess</c> on Windows.
/// </summary>
internal static class SshConfigSyntax
{
    /// <summary>Quotes a path for <c>IdentityFile</c>, <c>UserKnownHostsFile</c> or <c>Include</c>.</summary>
    /// <param name="path">The path.</param>
    /// <param name="expandsTokens">Whether ssh expands <c>%</c> tokens in this keyword (so <c>%</c> becomes <c>%%</c>).</param>
    /// <returns>The value to write after the keyword.</returns>
    public static string QuotePath(string path, bool expandsTokens)
    {
        // Windows' OpenSSH takes forward slashes, and they need no escaping.
        var value = Path.DirectorySeparatorChar == '\\' ? path.Replace('\\', '/') : path;
        if (expandsTokens)
        {
            value = value.Replace("%", "%%", StringComparison.Ordinal);
        }

        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Builds a <c>ProxyCommand</c> value that runs <paramref name="argv"/> exactly, with no expansion.</summary>
    /// <param name="argv">The program and its arguments.</param>
    /// <param name="windows">Whether the value is for Windows' OpenSSH (CreateProcess command-line quoting).</param>
    /// <returns>The value to write after <c>ProxyCommand</c>.</returns>
    public static string ProxyCommand(IReadOnlyList<string> argv, bool windows)
    {
        var parts = argv.Select(a => (windows ? WindowsQuote(a) : PosixQuote(a)).Replace("%", "%%", StringComparison.Ordinal));
        return string.Join(' ', parts);
    }

    /// <summary>Quotes one word for a POSIX shell (and fish): bare when it is plainly safe, otherwise in single quotes.</summary>
    /// <param name="word">The word.</param>
    /// <returns>The quoted word.</returns>
    public static string PosixQuote(string word)
    {
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ':' or '@' or ',' or '='))
        {
            return word;
        }

        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>Quotes one argument the way the Windows C runtime splits command lines.</summary>
    /// <param name="argument">The argument.</param>
    /// <returns>The quoted argument.</returns>
    public static string WindowsQuote(string argument)
    {
        if (argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"'))
        {
            return argument;
        }

        var builder = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            // Backslashes double only when a quote follows them.
            builder.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes).Append(c);
            backslashes = 0;
        }

        return builder.Append('\\', backslashes * 2).Append('"').ToString();
    }
}
