using System.Text.Json.Serialization;
using Gitspaces.DevContainers.Model;

namespace Gitspaces.Providers.Docker;

/// <summary>One contribution to a lifecycle hook and who contributed it: an entry of the <see cref="DockerLabels.Lifecycle"/> label.</summary>
internal sealed record ContributedCommand
{
    /// <summary>Gets who contributed it, for messages (<c>devcontainer.json</c>, <c>image</c>, <c>Feature 'x'</c>).</summary>
    public required string Origin { get; init; }

    /// <summary>Gets the command, written in the label as devcontainer.json writes it.</summary>
    [JsonConverter(typeof(LifecycleCommandJsonConverter))]
    public required LifecycleCommand Command { get; init; }

    /// <summary>Gets a value indicating whether the command does nothing, as the spec skips those.</summary>
    /// <remarks>Derived, but still written: labels keep the shape the previous builds wrote.</remarks>
    public bool IsEmpty => this.Command.IsEmpty;
}
