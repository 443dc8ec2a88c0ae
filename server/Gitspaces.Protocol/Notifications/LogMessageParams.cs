namespace Gitspaces.Protocol;

/// <summary>Parameters of the <c>window/logMessage</c> notification (LSP shape).</summary>
public sealed record LogMessageParams
{
    /// <summary>Gets the LSP message type: 1 error, 2 warning, 3 info, 4 log.</summary>
    public required int Type { get; init; }

    /// <summary>Gets the message.</summary>
    public required string Message { get; init; }
}
