namespace Gitspaces.Protocol;

/// <summary>What the server offers.</summary>
public sealed record ServerCapabilities
{
    /// <summary>Gets the ids of the providers this server knows (for example <c>docker</c>, <c>harness</c>).</summary>
    public required IReadOnlyList<string> Providers { get; init; }

    /// <summary>Gets the IDE ids a gitspace can be created for (see <see cref="Ides"/>).</summary>
    public required IReadOnlyList<string> Ides { get; init; }

    /// <summary>Gets the methods the server answers.</summary>
    public required IReadOnlyList<string> Methods { get; init; }

    /// <summary>Gets a value indicating whether long requests report <c>$/progress</c> when given a <c>workDoneToken</c>.</summary>
    public bool WorkDoneProgress { get; init; } = true;

    /// <summary>Gets a value indicating whether requests can be cancelled with <c>$/cancelRequest</c>.</summary>
    public bool Cancellation { get; init; } = true;
}
