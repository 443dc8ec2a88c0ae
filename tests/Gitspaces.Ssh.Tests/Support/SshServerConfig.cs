using System.Text;

namespace Gitspaces.Ssh.Tests.Support;

/// <summary>
/// The test's copy of what the Docker provider installs (its <c>SshSetup</c>): the sshd configuration for a gitspace for <c>sshd -i -f &lt;config&gt;</c> on its channel: its own
/// host key, key-only login from one authorized_keys file, no PAM, nothing listening (inetd mode reads stdin).
/// </summary>
internal static class SshServerConfig
{
    /// <summary>The folder in the gitspace that holds the sshd config, host key and authorized keys.</summary>
    public const string DefaultDirectory = "/etc/gitspaces/ssh";

    /// <summary>Gets the sshd config's path for <see cref="DefaultDirectory"/>.</summary>
    public static string DefaultConfigPath => DefaultDirectory + "/sshd_config";

    /// <summary>Gets the host key's path for <see cref="DefaultDirectory"/> (root, 0600).</summary>
    public static string DefaultHostKeyPath => DefaultDirectory + "/ssh_host_ecdsa_key";

    /// <summary>Gets the authorized keys' path for <see cref="DefaultDirectory"/> (root, 0644; one file for the gitspace's user).</summary>
    public static string DefaultAuthorizedKeysPath => DefaultDirectory + "/authorized_keys";

    /// <summary>Renders the sshd config.</summary>
    /// <param name="hostKeyPath">The host private key in the gitspace.</param>
    /// <param name="authorizedKeysPath">The authorized keys file in the gitspace (root-owned, so sshd's StrictModes accept it for any user).</param>
    /// <param name="user">The only user allowed to log in (the gitspace's remote user).</param>
    /// <returns>The config text (LF).</returns>
    public static string Render(string hostKeyPath, string authorizedKeysPath, string user)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostKeyPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(authorizedKeysPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        string[] lines =
        [
            "# Written by gitspaces; used only as `sshd -i -f <this file>` over the provider's channel: nothing listens.",
            $"HostKey {hostKeyPath}",
            $"AuthorizedKeysFile {authorizedKeysPath}",
            $"AllowUsers {user}",
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "PermitRootLogin prohibit-password",
            // PAM needs a configured stack the image may not have; with it off, the user's password must not be locked ('!').
            "UsePAM no",
            "UseDNS no",
            "PrintMotd no",
            "PrintLastLog no",
            // Remote-SSH and Gateway forward ports to their servers over the session, not over the network.
            "AllowTcpForwarding yes",
            "X11Forwarding no",
            "PermitTunnel no",
            "AcceptEnv LANG LC_* COLORTERM TERM_PROGRAM TERM_PROGRAM_VERSION",
            // Works in images without the sftp-server binary; JetBrains and VS Code copy files with it.
            "Subsystem sftp internal-sftp",
        ];
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }
}
