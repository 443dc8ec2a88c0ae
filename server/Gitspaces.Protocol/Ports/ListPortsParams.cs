namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>gitspaces/ports</c>.</summary>
public sealed record ListPortsParams
{
    /// <summary>Gets the gitspace id.</summary>
    public required string Id { get; init; }
}
