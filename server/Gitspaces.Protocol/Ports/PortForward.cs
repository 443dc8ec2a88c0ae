namespace Gitspaces.Protocol;

/// <summary>A forward: a listener on this machine's 127.0.0.1 whose connections reach a port inside the gitspace over the provider's own channel.</summary>
public sealed record PortForward
{
    /// <summary>Gets the port inside the gitspace.</summary>
    public required int Port { get; init; }

    /// <summary>Gets the compose service whose container has the port; absent for the gitspace's own container.</summary>
    public string? Service { get; init; }

    /// <summary>Gets the port on 127.0.0.1 of this machine.</summary>
    public required int LocalPort { get; init; }

    /// <summary>Gets the address to open in a browser (<c>http://127.0.0.1:&lt;localPort&gt;/</c>, or https per the port's protocol).</summary>
    public required string Url { get; init; }

    /// <summary>Gets who holds the listener: <c>server</c> (a <c>gitspaces serve</c> process), <c>cli</c> (<c>gitspaces forward</c> in a terminal) or <c>background</c> (<c>gitspaces forward --background</c>).</summary>
    public required string Owner { get; init; }

    /// <summary>Gets the id of the process that holds the listener.</summary>
    public int? ProcessId { get; init; }
}
