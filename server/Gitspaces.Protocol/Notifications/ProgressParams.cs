namespace Gitspaces.Protocol;

/// <summary>Parameters of the <c>$/progress</c> notification (LSP shape).</summary>
public sealed record ProgressParams
{
    /// <summary>Gets the <c>workDoneToken</c> the request carried.</summary>
    public required System.Text.Json.JsonElement Token { get; init; }

    /// <summary>Gets the progress report.</summary>
    public required WorkDoneProgress Value { get; init; }
}
