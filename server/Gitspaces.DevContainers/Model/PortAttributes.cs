using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Model;

/// <summary>Attributes of a forwarded port (<c>portsAttributes</c> values and <c>otherPortsAttributes</c>).</summary>
public sealed class PortAttributes
{
    /// <summary>Gets the display name.</summary>
    public string? Label { get; init; }

    /// <summary>Gets <c>http</c> or <c>https</c>.</summary>
    public string? Protocol { get; init; }

    /// <summary>Gets what happens when the port is auto-forwarded (default <c>notify</c>).</summary>
    public string? OnAutoForward { get; init; }

    /// <summary>Gets whether the same local port number is required.</summary>
    public bool? RequireLocalPort { get; init; }

    /// <summary>Gets whether to elevate to bind a low local port.</summary>
    public bool? ElevateIfNeeded { get; init; }

    /// <summary>Reads attributes from JSON; null for a non-object.</summary>
    /// <param name="node">The JSON value.</param>
    public static PortAttributes? FromJson(JsonNode? node) => node is JsonObject obj
        ? new PortAttributes
        {
            Label = ConfigBinder.String(obj["label"]),
            Protocol = ConfigBinder.String(obj["protocol"]),
            OnAutoForward = ConfigBinder.String(obj["onAutoForward"]),
            RequireLocalPort = ConfigBinder.Boolean(obj["requireLocalPort"]),
            ElevateIfNeeded = ConfigBinder.Boolean(obj["elevateIfNeeded"]),
        }
        : null;
}
