using Gitspaces.Ssh.Config;

namespace Gitspaces.Ssh.Links;

/// <summary>Where an editor connects: an SSH host (our alias), the user, the port and the folder to open.</summary>
/// <param name="Host">The SSH host alias (for example <c>gitspace-my-repo</c>) or host name.</param>
/// <param name="User">The user to log in as.</param>
/// <param name="Port">The SSH port; 22 for an alias of ours, whose ProxyCommand ignores it.</param>
/// <param name="WorkspaceFolder">The absolute folder in the gitspace (for example <c>/workspaces/my-repo</c>).</param>
public sealed record SshTarget(string Host, string User, int Port, string WorkspaceFolder)
{
    /// <summary>
    /// Gets a value indicating whether <see cref="Host"/> is a network host reached directly with <see cref="User"/> and
    /// <see cref="Port"/>, as a control plane hands it out. Such a host is never taken for an alias of ours, even when
    /// its name starts with <see cref="SshHostRegistry.AliasPrefix"/> (<c>gitspace-7f3a.example.com</c>).
    /// </summary>
    public bool IsDirect { get; init; }

    /// <summary>
    /// Gets a value indicating whether <see cref="Host"/> is an alias of our SSH config entries, which carry the user,
    /// key and ProxyCommand, so links and commands name the alias alone.
    /// </summary>
    public bool IsAlias => !this.IsDirect && this.Host.StartsWith(SshHostRegistry.AliasPrefix, StringComparison.Ordinal);

    /// <summary>Checks the target and returns it.</summary>
    /// <returns>The same target.</returns>
    /// <exception cref="ArgumentException">A field is empty or the folder is not an absolute POSIX path.</exception>
    public SshTarget Validated()
    {
        if (string.IsNullOrWhiteSpace(this.Host) || this.Host.Any(c => char.IsWhiteSpace(c) || c is '/' or '@' or '#' or '?'))
        {
            throw new ArgumentException($"'{this.Host}' is not an SSH host name or alias.", nameof(this.Host));
        }

        if (string.IsNullOrWhiteSpace(this.User))
        {
            throw new ArgumentException("The SSH user is empty.", nameof(this.User));
        }

        if (this.Port is < 1 or > 65535)
        {
            throw new ArgumentException($"{this.Port} is not a TCP port.", nameof(this.Port));
        }

        if (!this.WorkspaceFolder.StartsWith('/'))
        {
            throw new ArgumentException($"The workspace folder '{this.WorkspaceFolder}' is not an absolute path in the gitspace.", nameof(this.WorkspaceFolder));
        }

        return this;
    }
}
