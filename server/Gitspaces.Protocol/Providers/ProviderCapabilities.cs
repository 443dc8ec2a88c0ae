namespace Gitspaces.Protocol;

/// <summary>The values of <see cref="ProviderInfo.Capabilities"/>.</summary>
public static class ProviderCapabilities
{
    /// <summary>Its gitspaces are SSH hosts reached through <c>gitspaces ssh-proxy</c> (no port opened); without it, connect with the SSH command <c>gitspaces/connect</c> returns.</summary>
    public const string SshChannel = "sshChannel";

    /// <summary>It can carry a connection to a port inside a gitspace over its own channel, for forwards on this machine's loopback.</summary>
    public const string PortChannel = "portChannel";

    /// <summary>It keeps events and logs itself (a control plane); <c>gitspaces/events</c> and <c>gitspaces/logs</c> read them there.</summary>
    public const string ProviderHistory = "providerHistory";

    /// <summary>An operation can leave work running after it returns (lifecycle commands after <c>waitFor</c>); its progress arrives as events and logs.</summary>
    public const string BackgroundWork = "backgroundWork";
}
