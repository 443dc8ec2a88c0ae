using System.Text;
using Gitspaces.Core.Errors;
using Gitspaces.Protocol;

namespace Gitspaces.Ssh.Config;

/// <summary>
/// Rewrites the user's SSH config (<c>~/.ssh/config</c>): one managed block at the very top with one <c>Include</c> per
/// state home (each <c>GITSPACES_HOME</c> adds and removes only its own line, so homes never move each other's), and
/// nothing else touched. Works on bytes (through Latin-1, which maps every byte to one char), so line
/// endings, a BOM, a missing final newline and any encoding the user has survive byte for byte.
/// </summary>
internal static class UserSshConfig
{
    /// <summary>The first characters of the line that opens the managed block (any version).</summary>
    public const string BeginMarker = "# --- BEGIN GITSPACES";

    /// <summary>The first characters of the line that closes the managed block.</summary>
    public const string EndMarker = "# --- END GITSPACES";

    private const string Bom = "\u00EF\u00BB\u00BF";

    /// <summary>Returns the lines of the managed block that includes <paramref name="includePath"/>.</summary>
    /// <param name="includePath">The absolute path of our SSH config file.</param>
    /// <returns>The lines, without line endings.</returns>
    public static IReadOnlyList<string> Block(string includePath) => BlockOf([IncludeLine(includePath)]);

    /// <summary>Returns the config with the managed block at the top (moved there and updated if it was elsewhere).</summary>
    /// <param name="existing">The file's bytes, or <see langword="null"/> when it does not exist.</param>
    /// <param name="includePath">The absolute path of our SSH config file.</param>
    /// <returns>The new bytes.</returns>
    public static byte[] WithManagedBlock(byte[]? existing, string includePath)
    {
        var text = existing is null ? string.Empty : Encoding.Latin1.GetString(existing);
        var (bom, body) = SplitBom(text);
        var (rest, includes) = RemoveBlock(body);
        var ours = Latin1(IncludeLine(includePath));
        return Render(bom, body, rest, includes.Contains(ours) ? includes : [.. includes, ours]);
    }

    /// <summary>Returns the config without this home's <c>Include</c>; the block goes with the last one.</summary>
    /// <param name="existing">The file's bytes.</param>
    /// <param name="includePath">The absolute path of our SSH config file.</param>
    /// <returns>The new bytes (the same bytes when there was no block).</returns>
    public static byte[] WithoutInclude(byte[] existing, string includePath)
    {
        var (bom, body) = SplitBom(Encoding.Latin1.GetString(existing));
        var (rest, includes) = RemoveBlock(body);
        var ours = Latin1(IncludeLine(includePath));
        var left = includes.Where(i => i != ours).ToList();
        return left.Count == 0 ? Encoding.Latin1.GetBytes(bom + rest) : Render(bom, body, rest, left);
    }

    private static string IncludeLine(string includePath) => "Include " + SshConfigSyntax.QuotePath(includePath, expandsTokens: false);

    private static IReadOnlyList<string> BlockOf(IReadOnlyList<string> includes) =>
    [
        BeginMarker + " (v1) ---",
        "# Written by gitspaces so that ssh and editors reach gitspaces; delete these lines to undo.",
        // ssh stops at the first value it finds: on top, our hosts cannot be shadowed by a user's Host * block. One
        // line per state home: their host aliases differ, since their gitspaces share one engine's names.
        .. includes,
        EndMarker + " ---",
    ];

    /// <summary>The block is ASCII apart from the paths, which ssh reads as UTF-8; the file is handled as Latin-1 bytes.</summary>
    private static string Latin1(string line) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(line));

    private static byte[] Render(string bom, string body, string rest, IReadOnlyList<string> latin1Includes)
    {
        var newline = body.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var block = string.Concat(BlockOf(latin1Includes).Select(line => line + newline));
        return Encoding.Latin1.GetBytes(bom + block + rest);
    }

    /// <summary>Returns the config without the managed block.</summary>
    /// <param name="existing">The file's bytes.</param>
    /// <returns>The new bytes (the same bytes when there was no block).</returns>
    public static byte[] WithoutManagedBlock(byte[] existing)
    {
        var (bom, body) = SplitBom(Encoding.Latin1.GetString(existing));
        return Encoding.Latin1.GetBytes(bom + RemoveBlock(body).Outside);
    }

    /// <summary>Tells whether the config holds a managed block.</summary>
    /// <param name="existing">The file's bytes.</param>
    /// <returns>Whether a begin marker is present.</returns>
    public static bool HasManagedBlock(byte[] existing) =>
        Lines(Encoding.Latin1.GetString(existing)).Any(line => IsMarker(line, BeginMarker));

    private static (string Bom, string Body) SplitBom(string text) =>
        text.StartsWith(Bom, StringComparison.Ordinal) ? (Bom, text[Bom.Length..]) : (string.Empty, text);

    /// <summary>Returns the text without the managed block, and the block's <c>Include</c> lines (without line endings).</summary>
    private static (string Outside, List<string> Includes) RemoveBlock(string body)
    {
        var builder = new StringBuilder(body.Length);
        var includes = new List<string>();
        var inBlock = false;
        foreach (var line in Lines(body))
        {
            if (IsMarker(line, BeginMarker))
            {
                if (inBlock)
                {
                    throw Unbalanced("two begin markers in a row");
                }

                inBlock = true;
            }
            else if (IsMarker(line, EndMarker))
            {
                if (!inBlock)
                {
                    throw Unbalanced("an end marker without a begin marker");
                }

                inBlock = false;
            }
            else if (!inBlock)
            {
                builder.Append(line);
            }
            else if (line.TrimStart(' ', '\t').StartsWith("Include ", StringComparison.Ordinal) && line.Trim() is var include && !includes.Contains(include))
            {
                includes.Add(include);
            }
        }

        return inBlock ? throw Unbalanced("a begin marker without an end marker") : (builder.ToString(), includes);
    }

    /// <summary>Splits text into lines that keep their own line endings, so joining them gives the text back.</summary>
    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            yield return text[start..end];
            start = end;
        }
    }

    private static bool IsMarker(string line, string marker) =>
        line.TrimStart(' ', '\t').StartsWith(marker, StringComparison.Ordinal);

    private static GitspaceException Unbalanced(string what) =>
        new(ErrorCodes.OperationFailed, $"The SSH config has {what} of the gitspaces block, so it was left as it is.", new ErrorData
        {
            Kind = nameof(ErrorCodes.OperationFailed),
            Step = "sshConfig",
            Hint = $"Fix or delete the lines starting with '{BeginMarker}' and '{EndMarker}' in your SSH config, then try again.",
        });
}
