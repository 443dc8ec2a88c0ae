using System.Text;

namespace Gitspaces.Core;

/// <summary>Gitspace names: derived from repositories and validated, the way Harness builds identifiers.</summary>
public static class GitspaceNames
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxLength = 50;

    /// <summary>Derives a name from a repository URL or path (<c>https://host/org/my.repo.git</c> → <c>my-repo</c>).</summary>
    /// <param name="repository">The URL or path.</param>
    /// <returns>A valid name.</returns>
    public static string FromRepository(string repository)
    {
        var trimmed = repository.Trim().TrimEnd('/', '\\');
        var lastSeparator = trimmed.LastIndexOfAny(['/', '\\', ':']);
        var last = lastSeparator >= 0 ? trimmed[(lastSeparator + 1)..] : trimmed;
        if (last.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            last = last[..^4];
        }

        return Slug(last);
    }

    /// <summary>Derives a name from a display name (<c>My Shop (v2)</c> → <c>my-shop-v2</c>), for a provider that keeps both.</summary>
    /// <param name="displayName">The display name.</param>
    /// <returns>A valid name.</returns>
    public static string FromDisplayName(string displayName)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        return Slug(displayName);
    }

    /// <summary>Checks a display name: any text without control characters, not blank, at most <paramref name="maxLength"/> characters.</summary>
    /// <param name="displayName">The display name.</param>
    /// <param name="maxLength">The provider's limit.</param>
    /// <returns><see langword="null"/> when valid, otherwise why not.</returns>
    public static string? ValidateDisplayName(string displayName, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > maxLength)
        {
            return $"A display name has 1 to {maxLength} characters and is not blank.";
        }

        return displayName.Any(char.IsControl) ? "A display name has no line breaks or control characters." : null;
    }

    /// <summary>Checks a name the user gave.</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="null"/> when valid, otherwise why not.</returns>
    public static string? Validate(string name)
    {
        if (name.Length == 0 || name.Length > MaxLength)
        {
            return $"A gitspace name has 1 to {MaxLength} characters.";
        }

        if (!name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') || name[0] == '-' || name[^1] == '-')
        {
            return "A gitspace name has lower-case letters, digits and dashes, and starts and ends with a letter or digit.";
        }

        return null;
    }

    private static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var mapped = char.IsAsciiLetterOrDigit(c) ? c : '-';
            if (mapped == '-' && (builder.Length == 0 || builder[^1] == '-'))
            {
                continue;
            }

            builder.Append(mapped);
        }

        var name = builder.ToString().Trim('-');
        if (name.Length > MaxLength)
        {
            name = name[..MaxLength].TrimEnd('-');
        }

        return name.Length == 0 ? "gitspace" : name;
    }
}
