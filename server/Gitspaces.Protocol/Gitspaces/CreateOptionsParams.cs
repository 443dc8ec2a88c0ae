namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>gitspaces/create-options</c>.</summary>
public sealed record CreateOptionsParams
{
    /// <summary>Gets the provider whose options to read.</summary>
    public required string Provider { get; init; }
}
