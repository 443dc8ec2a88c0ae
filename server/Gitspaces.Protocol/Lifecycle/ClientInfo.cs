namespace Gitspaces.Protocol;

/// <summary>Who the client is, for logs.</summary>
public sealed record ClientInfo
{
    /// <summary>Gets the client's name (for example <c>vscode</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the client's version.</summary>
    public string? Version { get; init; }
}
