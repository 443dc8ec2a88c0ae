namespace Gitspaces.Core.Ssh;

/// <summary>The SSH keys of one gitspace: the client key the editor logs in with, and the host key sshd presents.</summary>
public sealed record SshIdentity
{
    /// <summary>Gets the client's public key as an <c>authorized_keys</c> line (<c>ecdsa-sha2-nistp256 AAAA… gitspace-name</c>).</summary>
    public required string ClientPublicKey { get; init; }

    /// <summary>Gets the path of the client's private key (0600) on this machine.</summary>
    public required string ClientPrivateKeyPath { get; init; }

    /// <summary>Gets the host's private key in PEM, to install in the gitspace for sshd. Never logged.</summary>
    public required string HostPrivateKeyPem { get; init; }

    /// <summary>Gets the host's public key (<c>ecdsa-sha2-nistp256 AAAA…</c>), pinned in our known_hosts file.</summary>
    public required string HostPublicKey { get; init; }
}
