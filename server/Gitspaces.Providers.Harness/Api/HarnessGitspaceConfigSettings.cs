namespace Gitspaces.Providers.Harness.Api;

/// <summary>The account's settings for gitspace configurations (<c>GitspaceConfigSettings</c>).</summary>
public sealed record HarnessGitspaceConfigSettings
{
    /// <summary>Gets the IDE settings.</summary>
    public HarnessIdeSettings? Ide { get; init; }

    /// <summary>Gets the git provider settings.</summary>
    public HarnessScmSettings? Scm { get; init; }
}
