namespace Gitspaces.Providers.Harness.Api;

/// <summary>The settings an admin set for the account (<c>TypesGitspaceSettingsData</c>).</summary>
public sealed record HarnessGitspaceSettingsData
{
    /// <summary>Gets the gitspace configuration settings.</summary>
    public HarnessGitspaceConfigSettings? GitspaceConfig { get; init; }

    /// <summary>Gets the settings per infra provider type.</summary>
    public IReadOnlyDictionary<string, HarnessInfraProviderSettings>? InfraProvider { get; init; }
}
