using System.Text;
using Gitspaces.Core.Ssh;
using Gitspaces.Core.State;

namespace Gitspaces.Ssh.Config;

/// <summary>
/// Keeps the SSH config that lets ssh (and every editor that uses it) reach gitspaces: a managed <c>Include</c> block at
/// the top of the user's config, our own config file with one <c>Host gitspace-&lt;id&gt;</c> entry per gitspace, and our
/// known_hosts file with each gitspace's host key. Every write is atomic (0600) and happens under a cross-process lock.
/// </summary>
public sealed class SshHostRegistry : ISshHostRegistry
{
    /// <summary>The prefix of every host alias.</summary>
    public const string AliasPrefix = "gitspace-";

    private const string ConfigFileName = "config";
    private const string KnownHostsFileName = "known_hosts";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private readonly SshHostRegistryOptions options;

    /// <summary>Initializes a new instance of the <see cref="SshHostRegistry"/> class.</summary>
    /// <param name="options">Where to write and what <c>ProxyCommand</c> runs; see <see cref="SshHostRegistryOptions.Create"/>.</param>
    public SshHostRegistry(SshHostRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.SidecarCommand.Count == 0 || !Path.IsPathFullyQualified(options.SidecarCommand[0]))
        {
            throw new ArgumentException("The sidecar command must start with an absolute program path.", nameof(options));
        }

        this.options = options;
    }

    /// <summary>Gets our SSH config file, which the user's config includes.</summary>
    public string ConfigPath => Path.Combine(this.options.Directory, ConfigFileName);

    /// <summary>Gets our known_hosts file.</summary>
    public string KnownHostsPath => Path.Combine(this.options.Directory, KnownHostsFileName);

    /// <summary>Gets the user's SSH config that includes ours.</summary>
    public string UserConfigPath => this.options.UserConfigPath;

    /// <inheritdoc/>
    public string Register(SshHostRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        using var held = this.Lock();
        var hosts = GitspaceHostsFile.Parse(ReadText(this.ConfigPath));
        var key = HostEntry.KeyOf(registration.Provider, registration.GitspaceId);
        var alias = hosts.Find(key)?.Alias ?? FreeAlias(hosts, registration.Provider, registration.GitspaceId);
        hosts.Set(HostEntry.Create(registration.Provider, registration.GitspaceId, alias, this.HostOptions(registration, alias)));

        WriteTextIfChanged(this.ConfigPath, hosts.Render());
        WriteTextIfChanged(this.KnownHostsPath, KnownHostsFile.WithHost(ReadText(this.KnownHostsPath), alias, registration.Identity.HostPublicKey));
        this.EnsureUserConfigBlock();
        return alias;
    }

    /// <inheritdoc/>
    public void Unregister(string provider, string gitspaceId)
    {
        using var held = this.Lock();
        var hosts = GitspaceHostsFile.Parse(ReadText(this.ConfigPath));
        if (hosts.Remove(HostEntry.KeyOf(provider, gitspaceId)) is not { } removed)
        {
            return;
        }

        WriteTextIfChanged(this.ConfigPath, hosts.Render());
        WriteTextIfChanged(this.KnownHostsPath, KnownHostsFile.WithoutHost(ReadText(this.KnownHostsPath), removed.Alias));
        if (hosts.Entries.Count == 0)
        {
            // With no gitspace left, the user's config goes back to exactly what it was.
            this.RemoveUserConfigBlock();
        }
    }

    /// <summary>Returns the alias of a registered gitspace.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <returns>The alias, or <see langword="null"/> when the gitspace has no entry.</returns>
    public string? FindAlias(string provider, string gitspaceId) =>
        GitspaceHostsFile.Parse(ReadText(this.ConfigPath)).Find(HostEntry.KeyOf(provider, gitspaceId))?.Alias;

    /// <summary>Returns the gitspace a host alias belongs to.</summary>
    /// <param name="alias">The host alias.</param>
    /// <returns>Its provider and id, or <see langword="null"/> when no entry has the alias.</returns>
    public (string Provider, string GitspaceId)? FindGitspace(string alias) =>
        GitspaceHostsFile.Parse(ReadText(this.ConfigPath)).Entries.FirstOrDefault(e => e.Alias == alias) is { } entry ? (entry.Provider, entry.GitspaceId) : null;

    /// <summary>Returns whether a registered gitspace's entry forwards the user's SSH agent.</summary>
    /// <param name="alias">The host alias.</param>
    /// <returns>Whether its entry says <c>ForwardAgent yes</c>.</returns>
    public bool ForwardsAgent(string alias) =>
        GitspaceHostsFile.Parse(ReadText(this.ConfigPath)).Entries.FirstOrDefault(e => e.Alias == alias) is { } entry
        && entry.Lines.Any(line => line.Trim() == "ForwardAgent yes");

    /// <summary>
    /// Removes this state home's <c>Include</c> from the user's SSH config, whatever entries remain (for uninstalling);
    /// the managed block goes with the last home's line, and other homes' lines stay.
    /// </summary>
    public void RemoveUserConfigBlock()
    {
        var path = ResolveLinks(this.options.UserConfigPath);
        if (File.Exists(path))
        {
            var existing = File.ReadAllBytes(path);
            WriteIfChanged(path, existing, UserSshConfig.WithoutInclude(existing, this.ConfigPath));
        }
    }

    private static string FreeAlias(GitspaceHostsFile hosts, string provider, string gitspaceId)
    {
        var baseAlias = AliasPrefix + AliasPart(gitspaceId);
        var candidates = new[] { baseAlias, baseAlias + "-" + AliasPart(provider) }
            .Concat(Enumerable.Range(2, int.MaxValue - 2).Select(n => $"{baseAlias}-{AliasPart(provider)}-{n}"));
        return candidates.First(candidate => hosts.Entries.All(e => !string.Equals(e.Alias, candidate, StringComparison.OrdinalIgnoreCase)));
    }

    private static string AliasPart(string value)
    {
        // Aliases end up in URIs (ssh-remote+<alias>) and in Host patterns, where *, ?, ! and spaces mean something.
        var chars = value.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '-').ToArray();
        var part = new string(chars).Trim('-', '.');
        return part.Length == 0 ? "x" : part;
    }

    /// <summary>Follows symbolic links, so a dotfiles-managed config is edited where it lives instead of being replaced.</summary>
    private static string ResolveLinks(string path) =>
        File.Exists(path) ? new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path : path;

    private static string? ReadText(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    private static void WriteTextIfChanged(string path, string text) =>
        WriteIfChanged(path, File.Exists(path) ? File.ReadAllBytes(path) : null, Encoding.UTF8.GetBytes(text));

    private static void WriteIfChanged(string path, byte[]? existing, byte[] contents)
    {
        // Rewriting an unchanged file would still bump its mtime and race with editors watching it.
        if (existing is null || !existing.AsSpan().SequenceEqual(contents))
        {
            StatePaths.WritePrivateFile(path, contents);
        }
    }

    /// <summary>The key exchanges a gitspace's SSH entry offers, fastest first.</summary>
    internal const string KeyExchangeAlgorithms = "curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256,ecdh-sha2-nistp384,ecdh-sha2-nistp521,diffie-hellman-group16-sha512,diffie-hellman-group14-sha256";

    private IEnumerable<string> HostOptions(SshHostRegistration registration, string alias)
    {
        string[] home = this.options.GitspacesHome is { } gitspacesHome ? ["--home", gitspacesHome] : [];
        string[] proxy = [.. this.options.SidecarCommand, Proxy.SshProxyArguments.Command, .. home, "--provider", registration.Provider, registration.GitspaceId];
        return
        [
            // Never resolved: the ProxyCommand carries the connection. A client that ignored it fails instead of reaching another host.
            $"HostName {alias}.gitspaces.invalid",
            $"User {registration.User}",
            $"IdentityFile {SshConfigSyntax.QuotePath(registration.Identity.ClientPrivateKeyPath, expandsTokens: true)}",
            "IdentitiesOnly yes",
            $"ProxyCommand {SshConfigSyntax.ProxyCommand(proxy, this.options.WindowsProxyCommand)}",
            $"UserKnownHostsFile {SshConfigSyntax.QuotePath(this.KnownHostsPath, expandsTokens: true)}",
            $"HostKeyAlias {alias}",
            "StrictHostKeyChecking yes",
            "CheckHostIP no",
            "UpdateHostKeys no",

            // Classic elliptic-curve key exchange first: OpenSSH 9's default, the post-quantum hybrid sntrup761x25519, costs
            // ~120 ms of CPU on each side of every connection, half an `ssh g true` (docs/ssh.md says why that is a fair
            // trade inside the engine's channel). Only names every OpenSSH since 7.3 knows: an unknown one is fatal.
            $"KexAlgorithms {KeyExchangeAlgorithms}",
            $"ServerAliveInterval {this.options.ServerAliveInterval}",
            $"ServerAliveCountMax {this.options.ServerAliveCountMax}",
            // A shared master would outlive a stop/start of the gitspace and hang the next connection.
            "ControlMaster no",
            "ControlPath none",

            // The user's agent, for git@ remotes inside; only when the provider's setting says so (docs/credentials.md).
            $"ForwardAgent {(registration.ForwardAgent ? "yes" : "no")}",
        ];
    }

    private void EnsureUserConfigBlock()
    {
        var path = ResolveLinks(this.options.UserConfigPath);
        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            StatePaths.EnsurePrivateDirectory(directory);
        }

        var existing = File.Exists(path) ? File.ReadAllBytes(path) : null;
        WriteIfChanged(path, existing, UserSshConfig.WithManagedBlock(existing, this.ConfigPath));
    }

    private FileStream Lock()
    {
        var directory = StatePaths.EnsurePrivateDirectory(this.options.Directory);
        var path = Path.Combine(directory, ".lock");
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                // An exclusive open is a lock the OS drops with a crashed process (as in GitspaceLock).
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(25);
            }
        }
    }
}
