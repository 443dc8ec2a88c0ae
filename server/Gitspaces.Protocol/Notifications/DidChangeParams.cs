namespace Gitspaces.Protocol;

/// <summary>Parameters of the <c>gitspaces/didChange</c> notification.</summary>
public sealed record DidChangeParams
{
    /// <summary>Gets the gitspace as it is now (state <c>deleted</c> once it is gone).</summary>
    public required Gitspace Gitspace { get; init; }
}
