namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>secrets/delete</c>.</summary>
public sealed record DeleteSecretParams
{
    /// <summary>Gets the name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the scope it was set for; the global one when absent.</summary>
    public string? Scope { get; init; }
}
