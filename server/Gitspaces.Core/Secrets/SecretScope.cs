using Gitspaces.Core.State;

namespace Gitspaces.Core.Secrets;

/// <summary>
/// Which repositories a secret reaches: a pattern over a repository's URL without scheme, credentials or <c>.git</c>
/// (<c>github.com/org/repo</c>; scp-like <c>git@host:org/repo</c> reads <c>host/org/repo</c>; a local folder its
/// absolute path), where <c>*</c> matches any text. No scope means every gitspace.
/// </summary>
public static class SecretScope
{
    /// <summary>Returns a pattern in the form it is stored and compared in, or <see langword="null"/> for the global scope.</summary>
    /// <param name="pattern">The pattern as the user gave it (a URL or a path, with or without <c>*</c>).</param>
    /// <returns>The normalized pattern.</returns>
    public static string? Normalize(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Trim() == "*")
        {
            return null;
        }

        var text = pattern.Trim();

        // host/path without a scheme is a URL's, unless it is a folder or scp-like host:path.
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var scpLike = colon > 0 && (slash < 0 || colon < slash);
        if (!text.Contains("://", StringComparison.Ordinal) && !scpLike && !text.StartsWith('/') && !text.StartsWith('.') && !text.StartsWith('~') && !Path.IsPathRooted(text))
        {
            text = "https://" + text;
        }

        // A pattern is a URL with stars in it: the stars are kept through the URL's normalization.
        const string Star = "gitspaces-star-0d4c";
        return SubjectOf(text.Replace("*", Star, StringComparison.Ordinal)).Replace(Star, "*", StringComparison.Ordinal);
    }

    /// <summary>Returns the text a repository is matched as.</summary>
    /// <param name="repository">The repository URL or path.</param>
    /// <returns>The subject.</returns>
    public static string SubjectOf(string repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var key = TrustStore.KeyOf(repository);
        var scheme = key.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            return key[(scheme + 3)..];
        }

        // scp-like host:path becomes host/path; an absolute local path stays.
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && !key.StartsWith('/') ? key[..colon] + "/" + key[(colon + 1)..].TrimStart('/') : key;
    }

    /// <summary>Tells whether a scope covers a repository.</summary>
    /// <param name="scope">The normalized scope; <see langword="null"/> covers everything.</param>
    /// <param name="repository">The repository URL or path.</param>
    /// <returns>Whether it does.</returns>
    public static bool Covers(string? scope, string repository) =>
        scope is null || Glob(scope, SubjectOf(repository));

    private static bool Glob(string pattern, string text)
    {
        // Iterative matching of '*' (any text, slashes included); case-insensitive, as hosts are and most forges' paths.
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] != '*' && char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
