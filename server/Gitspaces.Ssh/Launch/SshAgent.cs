using System.Net.Sockets;

namespace Gitspaces.Ssh.Launch;

/// <summary>The user's SSH agent on this machine, which a gitspace's SSH entry may forward (docs/credentials.md).</summary>
public static class SshAgent
{
    /// <summary>Returns why the agent cannot be forwarded, or <see langword="null"/> when one answers.</summary>
    /// <param name="environment">Reads environment variables (<c>SSH_AUTH_SOCK</c>).</param>
    /// <returns>One line for the user, or <see langword="null"/>.</returns>
    public static string? Problem(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        const string Consequence = "git@ remotes in the gitspace cannot use your SSH keys. Start one and add your key (`eval \"$(ssh-agent)\"` then `ssh-add`), or turn forwarding off with GITSPACES_FORWARD_SSH_AGENT=0.";
        var socket = environment("SSH_AUTH_SOCK");
        if (string.IsNullOrWhiteSpace(socket))
        {
            return "No SSH agent is running on this machine (SSH_AUTH_SOCK is not set), so " + Consequence;
        }

        // Windows' OpenSSH agent is a named pipe, which ssh finds by itself.
        if (OperatingSystem.IsWindows() || socket.StartsWith(@"\\.\pipe\", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            probe.Connect(new UnixDomainSocketEndPoint(socket));
            return null;
        }
        catch (SocketException)
        {
            return $"The SSH agent at {socket} is not running (SSH_AUTH_SOCK names a socket nobody answers on), so " + Consequence;
        }
    }
}
