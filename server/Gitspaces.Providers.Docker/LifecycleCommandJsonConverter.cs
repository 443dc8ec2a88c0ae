using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Gitspaces.DevContainers.Model;

namespace Gitspaces.Providers.Docker;

/// <summary>Reads and writes a <see cref="LifecycleCommand"/> in its devcontainer.json form (a string, an array or an object), as the lifecycle label stores it.</summary>
internal sealed class LifecycleCommandJsonConverter : JsonConverter<LifecycleCommand>
{
    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    /// <remarks>
    /// A value that is none of the three forms reads as a command with nothing to run: labels written by earlier builds
    /// kept such values from image metadata as they were, and running skipped them the same way.
    /// </remarks>
    public override LifecycleCommand Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        LifecycleCommand.FromJson(JsonNode.Parse(ref reader)) ?? LifecycleCommand.Exec([]);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, LifecycleCommand value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        value.ToJson().WriteTo(writer, options);
    }
}
