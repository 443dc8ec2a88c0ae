using System.Text;
using System.Text.RegularExpressions;

namespace Gitspaces.Docker.Engine;

/// <summary>
/// The rules of a <c>.dockerignore</c> as the docker CLI applies them to a build context (moby's patternmatcher):
/// one pattern a line, <c>#</c> lines and blank lines skipped, each pattern cleaned like a path with a leading
/// <c>/</c> dropped; <c>*</c> and <c>?</c> stop at <c>/</c>, <c>**</c> spans any number of folders, <c>[…]</c> is a
/// character class and <c>\</c> escapes; a pattern excludes a path when it matches the path or one of its parent
/// folders; <c>!</c> re-includes, and the last pattern that matches decides.
/// </summary>
public sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Exception)> patterns;

    private DockerIgnore(List<(Regex Pattern, bool Exception)> patterns)
    {
        this.patterns = patterns;
        this.HasExceptions = patterns.Any(p => p.Exception);
    }

    /// <summary>Gets a value indicating whether some pattern re-includes (<c>!</c>), so an excluded folder must still be walked.</summary>
    public bool HasExceptions { get; }

    /// <summary>
    /// Reads the ignore file that applies to a build: <c>&lt;Dockerfile&gt;.dockerignore</c> beside the Dockerfile when it
    /// exists (BuildKit's rule, which the classic builder lacks), else <c>.dockerignore</c> at the context's root.
    /// </summary>
    /// <param name="contextFolder">The build context.</param>
    /// <param name="dockerfile">The Dockerfile, absolute.</param>
    /// <returns>The rules; none when there is no ignore file.</returns>
    public static DockerIgnore ForBuild(string contextFolder, string dockerfile)
    {
        var specific = dockerfile + ".dockerignore";
        var file = File.Exists(specific) ? specific : Path.Combine(contextFolder, ".dockerignore");
        var rules = File.Exists(file) ? Parse(File.ReadAllText(file)) : new DockerIgnore([]);

        // Like the docker CLI, the Dockerfile always reaches the builder, whatever the patterns say.
        var relative = Path.GetRelativePath(contextFolder, dockerfile).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) ? rules : rules.Keeping(relative);
    }

    /// <summary>Parses the text of an ignore file.</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>The rules.</returns>
    public static DockerIgnore Parse(string text)
    {
        var patterns = new List<(Regex, bool)>();
        foreach (var raw in text.TrimStart('\uFEFF').Split('\n'))
        {
            if (raw.StartsWith('#'))
            {
                continue;
            }

            var pattern = raw.Trim();
            var exception = pattern.StartsWith('!');
            if (exception)
            {
                pattern = pattern[1..].Trim();
            }

            if (pattern.Length == 0)
            {
                continue;
            }

            pattern = Clean(pattern);
            if (pattern.Length > 1 && pattern[0] == '/')
            {
                pattern = pattern[1..];
            }

            patterns.Add((new Regex(ToRegex(pattern), RegexOptions.CultureInvariant | RegexOptions.Singleline), exception));
        }

        return new DockerIgnore(patterns);
    }

    /// <summary>Whether a path of the context (relative, forward slashes) stays out of the build.</summary>
    /// <param name="relativePath">The path.</param>
    /// <returns>True when excluded.</returns>
    public bool IsExcluded(string relativePath)
    {
        var parts = relativePath.Split('/');
        var excluded = false;
        foreach (var (pattern, exception) in this.patterns)
        {
            // An exclusion can only change an included path, an exception only an excluded one.
            if (exception != excluded)
            {
                continue;
            }

            var match = pattern.IsMatch(relativePath);
            for (var i = 1; !match && i < parts.Length; i++)
            {
                match = pattern.IsMatch(string.Join('/', parts[..i]));
            }

            if (match)
            {
                excluded = !exception;
            }
        }

        return excluded;
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (inClass)
            {
                regex.Append(c == '\\' && i + 1 < pattern.Length ? "\\" + pattern[++i] : c.ToString());
                inClass = c != ']';
                continue;
            }

            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                    }

                    // "**" at the end takes everything; elsewhere any number of folders, none included.
                    regex.Append(i + 1 >= pattern.Length ? ".*" : "(.*/)?");
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    inClass = true;
                    regex.Append('[');
                    break;
                case '\\' when i + 1 < pattern.Length:
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }

    // Go's filepath.Clean on a slash path: no empty or "." elements, ".." resolved, no trailing slash.
    private static string Clean(string path)
    {
        var rooted = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".." || !rooted)
            {
                parts.Add(part);
            }
        }

        var cleaned = (rooted ? "/" : string.Empty) + string.Join('/', parts);
        return cleaned.Length == 0 ? "." : cleaned;
    }

    private DockerIgnore Keeping(string relativePath)
    {
        if (!this.IsExcluded(relativePath))
        {
            return this;
        }

        var kept = new List<(Regex, bool)>(this.patterns) { (new Regex("^" + Regex.Escape(relativePath) + "$", RegexOptions.CultureInvariant), true) };
        return new DockerIgnore(kept);
    }
}
