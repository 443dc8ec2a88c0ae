namespace Gitspaces.Ssh.Config;

/// <summary>
/// Our own known_hosts file: one <c>&lt;alias&gt; &lt;key&gt;</c> line per gitspace. Entries use
/// <c>HostKeyAlias</c>, so the alias is what ssh looks up, whatever the proxy connects to.
/// </summary>
internal static class KnownHostsFile
{
    /// <summary>Returns the file with the alias's line set to <paramref name="hostPublicKey"/>.</summary>
    /// <param name="text">The file's text, or <see langword="null"/> when missing.</param>
    /// <param name="alias">The host alias.</param>
    /// <param name="hostPublicKey">The host key (<c>ecdsa-sha2-nistp256 AAAA…</c>).</param>
    /// <returns>The new text.</returns>
    public static string WithHost(string? text, string alias, string hostPublicKey) =>
        Render(LinesWithout(text, alias).Append(alias + " " + hostPublicKey.Trim()));

    /// <summary>Returns the file without the alias's lines.</summary>
    /// <param name="text">The file's text, or <see langword="null"/> when missing.</param>
    /// <param name="alias">The host alias.</param>
    /// <returns>The new text.</returns>
    public static string WithoutHost(string? text, string alias) => Render(LinesWithout(text, alias));

    private static IEnumerable<string> LinesWithout(string? text, string alias) =>
        (text ?? string.Empty)
            .Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Length > 0 && !line.Split(' ', 2)[0].Split(',').Contains(alias, StringComparer.Ordinal));

    private static string Render(IEnumerable<string> lines) => string.Concat(lines.Select(line => line + "\n"));
}
