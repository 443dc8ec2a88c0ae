namespace Gitspaces.Protocol;

/// <summary>The values of <see cref="ListGitspacesParams.Sort"/>; newest first either way.</summary>
public static class GitspaceListSort
{
    /// <summary>By creation time (the default).</summary>
    public const string Created = "created";

    /// <summary>By when an editor last used it (<see cref="Gitspace.LastUsedAt"/>, else its last change).</summary>
    public const string LastUsed = "lastUsed";

    /// <summary>Gets every value.</summary>
    public static IReadOnlyList<string> All { get; } = [Created, LastUsed];
}
