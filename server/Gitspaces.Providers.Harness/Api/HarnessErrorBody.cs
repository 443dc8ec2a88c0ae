using System.Text.Json;

namespace Gitspaces.Providers.Harness.Api;

/// <summary>A Harness error body: <c>{"message": "...", "values": {...}}</c>.</summary>
internal sealed record HarnessErrorBody
{
    /// <summary>Gets the message.</summary>
    public string? Message { get; init; }

    /// <summary>Gets extra values.</summary>
    public JsonElement? Values { get; init; }
}
