namespace Gitspaces.Git.Credentials;

/// <summary>How a request was answered, so the helper inside the gitspace can tell the user why it has no login.</summary>
public enum CredentialAnswerStatus
{
    /// <summary>Done: a login for <c>fill</c>, or the helper took note for <c>approve</c>/<c>reject</c>.</summary>
    Ok,

    /// <summary>The user's helpers had no login for the URL.</summary>
    None,

    /// <summary>Something failed: no helper configured, a helper that failed or hung, a refused request.</summary>
    Error,
}
