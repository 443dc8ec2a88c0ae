using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Model;

/// <summary>One entry of <c>mounts</c>: a Docker <c>--mount</c> string, or an object with type, source and target.</summary>
public sealed class MountDefinition
{
    /// <summary>Gets the string form as written, or null for the object form.</summary>
    public string? Text { get; init; }

    /// <summary>Gets the mount type (<c>bind</c> or <c>volume</c>), parsed from the string form when present there.</summary>
    public string? Type { get; init; }

    /// <summary>Gets the source (host path or volume name); null for an anonymous volume.</summary>
    public string? Source { get; init; }

    /// <summary>Gets the target in the container.</summary>
    public string? Target { get; init; }

    /// <summary>Gets the <c>--mount</c> argument: the string verbatim, or <c>type=T,src=S,dst=D</c> (without <c>src=</c> when there is no source).</summary>
    public string ToMountArgument()
        => this.Text ?? $"type={this.Type},{(this.Source is null ? string.Empty : $"src={this.Source},")}dst={this.Target}";

    /// <summary>Reads a mount from JSON; null for anything else.</summary>
    /// <param name="node">The JSON value.</param>
    public static MountDefinition? FromJson(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue value when ConfigBinder.String(value) is { } text:
                return Parse(text);
            case JsonObject obj:
                return new MountDefinition { Type = ConfigBinder.String(obj["type"]), Source = ConfigBinder.String(obj["source"]), Target = ConfigBinder.String(obj["target"]) };
            default:
                return null;
        }
    }

    /// <summary>Parses the string form's comma-separated <c>key=value</c> pairs (src/source, dst/destination/target, type).</summary>
    /// <param name="text">The <c>--mount</c> string.</param>
    public static MountDefinition Parse(string text)
    {
        string? type = null, source = null, target = null;
        foreach (var part in text.Split(','))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                continue;
            }

            var key = part[..equals].Trim();
            var value = part[(equals + 1)..];
            switch (key)
            {
                case "type":
                    type = value;
                    break;
                case "src" or "source":
                    source = value;
                    break;
                case "dst" or "destination" or "target":
                    target = value;
                    break;
            }
        }

        return new MountDefinition { Text = text, Type = type, Source = source, Target = target };
    }
}
