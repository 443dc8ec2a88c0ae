namespace Gitspaces.Providers.Harness.Api;

/// <summary>The answer of the hosted API's <c>…/token</c>: a JWT that opens VS Code Web through the gateway.</summary>
public sealed record HarnessGitspaceToken
{
    /// <summary>Gets the token. A secret: never log it.</summary>
    public string? GitspaceToken { get; init; }
}
