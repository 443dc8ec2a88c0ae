namespace Gitspaces.Providers.Harness.Api;

/// <summary>The account's IDE settings: which IDEs, and whether SSH is off.</summary>
public sealed record HarnessIdeSettings
{
    /// <summary>Gets the IDE allow or deny list.</summary>
    public HarnessAccessList? AccessList { get; init; }

    /// <summary>Gets a value indicating whether SSH access is turned off (web IDEs only).</summary>
    public bool DisableSsh { get; init; }
}
