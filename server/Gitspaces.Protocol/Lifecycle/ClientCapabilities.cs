namespace Gitspaces.Protocol;

/// <summary>What the client can handle.</summary>
public sealed record ClientCapabilities
{
    /// <summary>Gets a value indicating whether the client shows <c>$/progress</c> for requests that carry a <c>workDoneToken</c>.</summary>
    public bool? WorkDoneProgress { get; init; }
}
