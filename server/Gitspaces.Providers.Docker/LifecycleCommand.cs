using System.Text.Json;

namespace Gitspaces.Providers.Docker;

/// <summary>One contribution to a lifecycle hook: a string (shell), an array (exec) or an object (parallel), and who contributed it.</summary>
internal sealed record LifecycleCommand
{
    /// <summary>Gets who contributed it, for messages (<c>devcontainer.json</c>, <c>image</c>, <c>Feature 'x'</c>).</summary>
    public required string Origin { get; init; }

    /// <summary>Gets the command exactly as written.</summary>
    public required JsonElement Command { get; init; }

    /// <summary>Gets a value indicating whether the command does nothing (empty string, array or object), as the spec skips those.</summary>
    public bool IsEmpty => this.Command.ValueKind switch
    {
        JsonValueKind.String => string.IsNullOrWhiteSpace(this.Command.GetString()),
        JsonValueKind.Array => this.Command.GetArrayLength() == 0,
        JsonValueKind.Object => !this.Command.EnumerateObject().Any(),
        _ => true,
    };
}
