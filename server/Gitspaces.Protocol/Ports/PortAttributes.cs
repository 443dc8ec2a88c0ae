namespace Gitspaces.Protocol;

/// <summary>What devcontainer.json says about a port (<c>portsAttributes</c>, else <c>otherPortsAttributes</c>), with the spec's defaults applied.</summary>
public sealed record PortAttributes
{
    /// <summary>Gets the port's display name, if the configuration gives one.</summary>
    public string? Label { get; init; }

    /// <summary>Gets <c>http</c> or <c>https</c>: the scheme a browser opens the forward with.</summary>
    public string Protocol { get; init; } = "http";

    /// <summary>Gets what a client does when the port is detected: <c>notify</c> (the default), <c>openBrowser</c>, <c>openBrowserOnce</c>, <c>openPreview</c>, <c>silent</c> or <c>ignore</c>.</summary>
    public string OnAutoForward { get; init; } = "notify";

    /// <summary>Gets whether the forward must use the same port number on this machine (else the next free one is taken).</summary>
    public bool RequireLocalPort { get; init; }
}
