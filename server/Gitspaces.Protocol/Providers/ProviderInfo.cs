namespace Gitspaces.Protocol;

/// <summary>A provider and its status.</summary>
public sealed record ProviderInfo
{
    /// <summary>Gets the id (<c>docker</c> or <c>harness</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the name to show.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Gets <c>self-hosted</c> (an engine the user owns) or <c>hosted</c> (a control plane).</summary>
    public required string Kind { get; init; }

    /// <summary>Gets a value indicating whether the provider has what it needs to be used.</summary>
    public required bool Configured { get; init; }

    /// <summary>Gets a value indicating whether the provider answered just now.</summary>
    public required bool Reachable { get; init; }

    /// <summary>Gets the endpoint (Docker host or control-plane URL), never with credentials.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Gets the provider's version or API version, when it answered.</summary>
    public string? Version { get; init; }

    /// <summary>Gets why it is not configured or not reachable, and what to do.</summary>
    public string? Message { get; init; }

    /// <summary>
    /// Gets what the provider can do beyond the operations every provider has (see <see cref="ProviderCapabilities"/>).
    /// Clients ignore values they do not know: the list grows as providers learn more.
    /// </summary>
    public IReadOnlyList<string>? Capabilities { get; init; }
}
