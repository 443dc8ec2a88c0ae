namespace Gitspaces.Providers.Harness.Api;

/// <summary>The body of <c>…/actions</c>.</summary>
internal sealed record HarnessActionRequest
{
    /// <summary>Gets <c>start</c>, <c>stop</c> or <c>reset</c>.</summary>
    public required string Action { get; init; }
}
