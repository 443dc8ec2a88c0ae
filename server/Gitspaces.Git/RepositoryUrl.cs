namespace Gitspaces.Git;

/// <summary>Repository URLs as they may be shown: the credentials a user put in one stay out of every message.</summary>
public static class RepositoryUrl
{
    private const string Hidden = "***";

    /// <summary>Returns a URL or path as it may be shown and stored: without user info.</summary>
    /// <param name="source">The URL or path.</param>
    /// <returns>The display form.</returns>
    public static string WithoutCredentials(string source)
    {
        if (TryUserInfo(source, out var uri, out var shownUser, out _))
        {
            return new UriBuilder(uri) { Password = string.Empty, UserName = shownUser }.Uri.ToString();
        }

        return source;
    }

    /// <summary>Removes a URL's credentials, and a token, from a text such as a library's error message.</summary>
    /// <param name="text">The text.</param>
    /// <param name="source">The URL or path the text may quote.</param>
    /// <param name="token">A token that must not appear either.</param>
    /// <returns>The text with the URL in its display form and every secret replaced by <c>***</c>.</returns>
    public static string Redact(string text, string source, string? token)
    {
        ArgumentNullException.ThrowIfNull(text);
        var secrets = new List<string>();
        if (TryUserInfo(source, out _, out _, out var inUrl))
        {
            text = text.Replace(source, WithoutCredentials(source), StringComparison.Ordinal);
            secrets.AddRange(inUrl);
        }

        if (!string.IsNullOrEmpty(token))
        {
            secrets.Add(token);
        }

        foreach (var secret in secrets.Where(s => s.Length > 0))
        {
            text = text.Replace(secret, Hidden, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Splits the user info of a URL that has one into what may be shown of it and what is secret.</summary>
    private static bool TryUserInfo(string source, out Uri uri, out string shownUser, out IReadOnlyList<string> secrets)
    {
        shownUser = string.Empty;
        secrets = [];
        if (!Uri.TryCreate(source, UriKind.Absolute, out uri!) || uri.IsFile || string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        var parts = uri.UserInfo.Split(':', 2);
        var user = parts[0];
        if (parts.Length == 2)
        {
            // The user beside a password is not shown either: the pair is one login.
            secrets = [parts[1], Uri.UnescapeDataString(parts[1])];
        }
        else if (user.Length > 20)
        {
            // A lone user name (git@host) is not a secret; a token in the user part is.
            secrets = [user, Uri.UnescapeDataString(user)];
        }
        else
        {
            shownUser = user;
        }

        return true;
    }
}
