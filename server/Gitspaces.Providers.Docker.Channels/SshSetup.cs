using System.Text;
using Gitspaces.Core.Ssh;
using Gitspaces.Docker.Engine;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// What a gitspace needs inside for SSH without ports: <c>sshd</c> (installed with the image's package manager when
/// missing), the gitspace's host key, an <c>authorized_keys</c> with its client key, and an sshd config of our own that
/// <c>sshd -i</c> runs with over an attached exec.
/// </summary>
internal static class SshSetup
{
    /// <summary>The folder in the container that holds the gitspace's SSH files.</summary>
    public const string Folder = "/var/lib/gitspaces/ssh";

    /// <summary>The sshd config the channel starts sshd with.</summary>
    public const string ConfigFile = Folder + "/sshd_config";

    /// <summary>The variable every SSH session (and every process it starts) has, which auto-stop looks for in <c>/proc/*/environ</c>.</summary>
    public const string SessionMarker = "GITSPACES_SSH_SESSION=1";

    /// <summary>The exit code of the setup script when sshd cannot be installed.</summary>
    public const int NoSshdExitCode = 3;

    /// <summary>The setup script with its arguments, run by the entrypoint of a container that starts as root.</summary>
    public const string StartupScriptFile = Folder + "/setup.sh";

    /// <summary>The line the entrypoint prints before the setup's own output.</summary>
    public const string StartupBeginLine = "gitspaces: setting up SSH";

    /// <summary>The start of the line the entrypoint prints after the setup, followed by its exit code.</summary>
    public const string StartupEndPrefix = "gitspaces: SSH setup exited with ";

    /// <summary>
    /// The lines the entrypoint wrapper runs first when it starts as root: the setup script (when it was installed)
    /// between two marker lines on the container's output, which the provider reads through an attach made before
    /// the start (no file to poll, and the output arrives as it is written: a long sshd install shows its progress).
    /// </summary>
    public const string EntrypointHook =
        "if [ -f " + StartupScriptFile + " ]; then echo '" + StartupBeginLine + "'; "
        + "/bin/sh " + StartupScriptFile + " 2>&1; echo \"" + StartupEndPrefix + "$?\"; fi\n";

    /// <summary>
    /// The root script run after each container start that needs it: makes sure sshd exists (installing it when
    /// missing), the privilege separation folder exists, the remote user's account is not locked (sshd refuses locked
    /// accounts even for keys) and the workspace folder belongs to the remote user. Arguments: user, workspace folder.
    /// </summary>
    public const string Script = """
        set -e
        u="$1"; ws="$2"
        install_sshd() {
          if command -v apt-get >/dev/null 2>&1; then
            export DEBIAN_FRONTEND=noninteractive
            apt-get update -qq && apt-get install -y -qq --no-install-recommends openssh-server
          elif command -v apk >/dev/null 2>&1; then apk add --no-cache openssh-server
          elif command -v dnf >/dev/null 2>&1; then dnf install -y -q openssh-server
          elif command -v yum >/dev/null 2>&1; then yum install -y -q openssh-server
          elif command -v zypper >/dev/null 2>&1; then zypper --non-interactive install openssh-server
          else echo "no supported package manager (apt-get, apk, dnf, yum, zypper) to install openssh-server" >&2; return 1
          fi
        }
        if [ ! -x /usr/sbin/sshd ]; then
          echo "sshd is missing in the image: installing openssh-server"
          if ! install_sshd || [ ! -x /usr/sbin/sshd ]; then
            echo "could not install openssh-server" >&2
            exit 3
          fi
        fi
        mkdir -p /run/sshd && chmod 0755 /run/sshd
        if [ -r /etc/shadow ] && grep -q "^$u:!" /etc/shadow; then
          usermod -p '*' "$u" 2>/dev/null || sed -i "s/^$u:!*/$u:*/" /etc/shadow
        fi
        if [ -d "$ws" ]; then chown "$(id -u "$u"):$(id -g "$u")" "$ws"; fi
        """;

    // sshd sets these per user and session; the container's values (HOME=/root from an image) would be wrong there.
    private static readonly HashSet<string> SessionOwned = new(StringComparer.Ordinal) { "HOME", "USER", "LOGNAME", "SHELL", "TERM", "HOSTNAME", "MAIL", "SSH_AUTH_SOCK" };

    /// <summary>Returns the files to put in the container (relative to <c>/</c>); the host key is root-only.</summary>
    /// <param name="identity">The gitspace's keys.</param>
    /// <param name="remoteUser">The user the editor logs in as.</param>
    /// <returns>The files.</returns>
    /// <param name="environment">
    /// The environment of SSH sessions, as <c>NAME=value</c>: the container's (image <c>ENV</c>, <c>containerEnv</c>) and
    /// <c>remoteEnv</c>, what lifecycle commands get. sshd clears the environment of its sessions; each variable goes
    /// into the key's <c>environment="…"</c> option, which every OpenSSH server honours with <c>PermitUserEnvironment</c>.
    /// </param>
    /// <param name="secrets">
    /// The user's secrets in scope, after the environment (a secret wins over a variable of the same name). They make
    /// <c>authorized_keys</c> readable by its owner only.
    /// </param>
    /// <param name="ownerUid">The remote user's id: <c>authorized_keys</c> belongs to it (sshd reads it as that user).</param>
    /// <param name="ownerGid">The remote user's group id.</param>
    public static IReadOnlyList<ArchiveFile> Files(SshIdentity identity, string remoteUser, IReadOnlyList<string>? environment = null, IReadOnlyDictionary<string, string>? secrets = null, int ownerUid = 0, int ownerGid = 0)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var folder = Folder.TrimStart('/');
        var config = new StringBuilder()
            .Append("# Written by gitspaces; sshd runs with it over `docker exec -i sshd -i`, never on a port.\n")
            .Append("HostKey ").Append(Folder).Append("/ssh_host_key\n")
            .Append("AuthorizedKeysFile ").Append(Folder).Append("/authorized_keys\n")
            .Append("AllowUsers ").Append(remoteUser).Append('\n')
            .Append("PubkeyAuthentication yes\n")
            .Append("PasswordAuthentication no\n")
            .Append("KbdInteractiveAuthentication no\n")
            .Append("UsePAM no\n")
            .Append("PermitRootLogin prohibit-password\n")
            .Append("AllowTcpForwarding yes\n")
            .Append("AllowStreamLocalForwarding yes\n")
            .Append("PrintMotd no\n")
            .Append("PermitUserEnvironment yes\n")
            .Append("Subsystem sftp internal-sftp\n")
            .ToString();
        return
        [
            new ArchiveFile(folder + "/ssh_host_key", Encoding.UTF8.GetBytes(identity.HostPrivateKeyPem.TrimEnd() + "\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite),
            new ArchiveFile(folder + "/authorized_keys", Encoding.UTF8.GetBytes(KeyOptions(environment, secrets) + identity.ClientPublicKey.TrimEnd() + "\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite, ownerUid, ownerGid),
            new ArchiveFile(folder + "/sshd_config", Encoding.UTF8.GetBytes(config), ReadableByAll),
        ];
    }

    /// <summary>Returns the setup script with its arguments, for <see cref="StartupScriptFile"/>.</summary>
    /// <param name="remoteUser">The user the editor logs in as.</param>
    /// <param name="workspaceFolder">The workspace folder the user must own.</param>
    /// <returns>The file (root only).</returns>
    public static ArchiveFile StartupScript(string remoteUser, string workspaceFolder) =>
        new(
            StartupScriptFile.TrimStart('/'),
            Encoding.UTF8.GetBytes("set -- " + ShellQuote(remoteUser) + " " + ShellQuote(workspaceFolder) + "\n" + Script + "\n"),
            UnixFileMode.UserRead | UnixFileMode.UserWrite);

    /// <summary>Returns whether a container user (<c>user[:group]</c>, name or id) is root.</summary>
    /// <param name="containerUser">The user.</param>
    /// <returns>Whether it is root.</returns>
    public static bool RunsAsRoot(string containerUser) => containerUser.Split(':')[0] is "root" or "0";

    private static string KeyOptions(IReadOnlyList<string>? environment, IReadOnlyDictionary<string, string>? secrets)
    {
        var options = (environment ?? [])
            // sshd reads the option up to its closing quote and takes \" as a quote: a value with a quote or a trailing
            // backslash could end it early, so such a (rare) variable is left out.
            .Where(e => e.IndexOf('=', StringComparison.Ordinal) > 0 && !SessionOwned.Contains(e[..e.IndexOf('=', StringComparison.Ordinal)]) && !e.Any(char.IsControl) && !e.Contains('"', StringComparison.Ordinal) && !e.EndsWith('\\'))
            .Select(e => "environment=\"" + e + "\"")
            .ToList();

        // A secret's value may hold quotes: sshd reads \" as one (the store refuses line breaks and a trailing backslash).
        options.AddRange((secrets ?? new Dictionary<string, string>())
            .Where(s => !SessionOwned.Contains(s.Key) && !s.Value.Any(c => char.IsControl(c) && c != '\t') && !s.Value.EndsWith('\\'))
            .Select(s => "environment=\"" + s.Key + "=" + s.Value.Replace("\"", "\\\"", StringComparison.Ordinal) + "\""));

        // Every process an SSH session starts inherits this variable: it is how auto-stop tells them from the rest.
        options.Add("environment=\"" + SessionMarker + "\"");
        return string.Join(',', options) + " ";
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static UnixFileMode ReadableByAll => UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
}
