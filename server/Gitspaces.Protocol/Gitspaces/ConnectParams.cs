namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>gitspaces/connect</c>.</summary>
public sealed record ConnectParams
{
    /// <summary>Gets the gitspace id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the IDE to make links for; the gitspace's own IDE when absent.</summary>
    public string? Ide { get; init; }

    /// <summary>Gets the token for <c>$/progress</c> notifications about this request (LSP work-done progress).</summary>
    public System.Text.Json.JsonElement? WorkDoneToken { get; init; }
}
