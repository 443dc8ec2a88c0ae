using Gitspaces.Protocol;

namespace Gitspaces.Core.Ports;

/// <summary>One <c>portsAttributes</c> entry: a port or a range (<c>"3000"</c>, <c>"40000-55000"</c>) and its attributes.</summary>
/// <param name="From">The first port it matches.</param>
/// <param name="To">The last port it matches.</param>
/// <param name="Attributes">The attributes, defaults applied.</param>
public sealed record PortAttributeRule(int From, int To, PortAttributes Attributes)
{
    /// <summary>Returns whether the rule matches a port.</summary>
    /// <param name="port">The port.</param>
    /// <returns>Whether it matches.</returns>
    public bool Matches(int port) => port >= this.From && port <= this.To;
}
