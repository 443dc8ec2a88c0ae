using Gitspaces.Protocol;

namespace Gitspaces.Core.Ports;

/// <summary>What a gitspace's configuration says about ports, as the spec defines it.</summary>
public sealed record PortSettings
{
    /// <summary>Gets settings that name no port.</summary>
    public static PortSettings None { get; } = new();

    /// <summary>Gets the ports to forward (<c>forwardPorts</c>, then <c>appPort</c>), without repeats.</summary>
    public IReadOnlyList<ConfiguredPort> Forward { get; init; } = [];

    /// <summary>Gets the <c>portsAttributes</c> entries in the configuration's order; the first that matches a port applies.</summary>
    public IReadOnlyList<PortAttributeRule> Rules { get; init; } = [];

    /// <summary>Gets <c>otherPortsAttributes</c>: the attributes of every port no rule matches.</summary>
    public PortAttributes? Others { get; init; }

    /// <summary>Returns the attributes of a port: the first matching <c>portsAttributes</c> entry, else <c>otherPortsAttributes</c>, else the defaults.</summary>
    /// <param name="port">The port inside the gitspace.</param>
    /// <returns>The attributes.</returns>
    public PortAttributes AttributesOf(int port) =>
        this.Rules.FirstOrDefault(r => r.Matches(port))?.Attributes ?? this.Others ?? new PortAttributes();
}
