using System.Globalization;
using System.Text;
using Gitspaces.Providers.Harness.Api;

namespace Gitspaces.Providers.Harness;

/// <summary>
/// Where a Harness instance takes SSH connections. Harness has no host/port object: it embeds them in
/// <c>ssh_command</c> (<c>ssh -t -p &lt;port&gt; &lt;user&gt;@&lt;host&gt; 'cd &lt;repo&gt;; exec $SHELL -l'</c>) and in the
/// IDE <c>url</c> (<c>vscode-remote://ssh-remote+user@host:port/path</c> or <c>jetbrains-gateway://connect#…</c>).
/// </summary>
internal sealed record HarnessSshEndpoint(string Host, int Port, string User, string? WorkspaceFolder)
{
    public static HarnessSshEndpoint? From(HarnessGitspaceInstance? instance)
    {
        if (instance is null)
        {
            return null;
        }

        var fromCommand = ParseSshCommand(instance.SshCommand);
        var fromUrl = ParseUrl(instance.Url);
        if (fromCommand is null)
        {
            return fromUrl;
        }

        return fromCommand.WorkspaceFolder is null && fromUrl?.WorkspaceFolder is { } folder ? fromCommand with { WorkspaceFolder = folder } : fromCommand;
    }

    public static HarnessSshEndpoint? ParseSshCommand(string? command)
    {
        if (string.IsNullOrWhiteSpace(command))
        {
            return null;
        }

        var words = SplitShellWords(command);
        if (words.Count == 0 || !words[0].EndsWith("ssh", StringComparison.Ordinal))
        {
            return null;
        }

        var port = 22;
        string? destination = null;
        string? folder = null;
        for (var i = 1; i < words.Count; i++)
        {
            var word = words[i];
            if (word == "-p" && i + 1 < words.Count && int.TryParse(words[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var p))
            {
                port = p;
                i++;
            }
            else if (destination is null && !word.StartsWith('-'))
            {
                destination = word;
            }
            else if (destination is not null && word.StartsWith("cd ", StringComparison.Ordinal))
            {
                folder = word[3..].Split(';', 2)[0].Trim();
            }
        }

        if (destination is null)
        {
            return null;
        }

        var at = destination.LastIndexOf('@');
        var user = at > 0 ? destination[..at] : "harness";
        var host = at > 0 ? destination[(at + 1)..] : destination;
        return host.Length == 0 ? null : new HarnessSshEndpoint(host, port, user, folder is { Length: > 0 } ? folder : null);
    }

    public static HarnessSshEndpoint? ParseUrl(string? url)
    {
        const string remotePrefix = "ssh-remote+";
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var remote = url.IndexOf(remotePrefix, StringComparison.Ordinal);
        if (remote >= 0)
        {
            var rest = url[(remote + remotePrefix.Length)..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var authority = slash >= 0 ? rest[..slash] : rest;
            var path = slash >= 0 ? Uri.UnescapeDataString(rest[slash..]) : null;
            return ParseAuthority(authority, path);
        }

        if (url.StartsWith("jetbrains-gateway://", StringComparison.Ordinal) && url.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0)
        {
            var fields = url[(hash + 1)..].Split('&').Select(pair => pair.Split('=', 2)).Where(pair => pair.Length == 2)
                .GroupBy(pair => pair[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => Uri.UnescapeDataString(g.First()[1]), StringComparer.Ordinal);
            if (fields.TryGetValue("host", out var host))
            {
                var port = fields.TryGetValue("port", out var portText) && int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 22;
                return new HarnessSshEndpoint(host, port, fields.GetValueOrDefault("user") ?? "harness", fields.GetValueOrDefault("projectPath"));
            }
        }

        return null;
    }

    private static HarnessSshEndpoint? ParseAuthority(string authority, string? path)
    {
        var at = authority.LastIndexOf('@');
        var user = at > 0 ? Uri.UnescapeDataString(authority[..at]) : "harness";
        var hostPort = at > 0 ? authority[(at + 1)..] : authority;
        var port = 22;
        var colon = hostPort.LastIndexOf(':');
        if (colon > 0 && int.TryParse(hostPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var p))
        {
            port = p;
            hostPort = hostPort[..colon];
        }

        return hostPort.Length == 0 ? null : new HarnessSshEndpoint(hostPort, port, user, path);
    }

    private static List<string> SplitShellWords(string command)
    {
        // Enough of POSIX quoting for the command Harness writes: spaces split, single and double quotes group.
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char quote = '\0';
        foreach (var c in command)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
