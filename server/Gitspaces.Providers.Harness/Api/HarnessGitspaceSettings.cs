namespace Gitspaces.Providers.Harness.Api;

/// <summary>The hosted account's gitspace settings (<c>GET /accounts/{a}/gitspace-settings</c>, <c>TypesGitspaceSettingsResponse</c>).</summary>
public sealed record HarnessGitspaceSettings
{
    /// <summary>Gets what the account could offer.</summary>
    public HarnessAvailableSettings? AvailableSettings { get; init; }

    /// <summary>Gets what an admin allowed of it.</summary>
    public HarnessGitspaceSettingsData? Settings { get; init; }
}
