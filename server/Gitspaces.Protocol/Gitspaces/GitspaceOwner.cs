namespace Gitspaces.Protocol;

/// <summary>The values of <see cref="ListGitspacesParams.Owner"/>.</summary>
public static class GitspaceOwner
{
    /// <summary>The user's own gitspaces (the default).</summary>
    public const string Self = "self";

    /// <summary>Every gitspace the user may see (a team's, on a shared control plane).</summary>
    public const string All = "all";
}
