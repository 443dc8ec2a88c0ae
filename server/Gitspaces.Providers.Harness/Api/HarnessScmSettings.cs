namespace Gitspaces.Providers.Harness.Api;

/// <summary>The account's git provider settings: which repository types.</summary>
public sealed record HarnessScmSettings
{
    /// <summary>Gets the repository type allow or deny list.</summary>
    public HarnessAccessList? AccessList { get; init; }
}
