namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>gitspaces/rebuild</c>.</summary>
public sealed record RebuildGitspaceParams
{
    /// <summary>Gets the gitspace id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the token for <c>$/progress</c> notifications about this request (LSP work-done progress).</summary>
    public System.Text.Json.JsonElement? WorkDoneToken { get; init; }
}
