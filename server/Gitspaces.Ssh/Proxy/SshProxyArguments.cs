namespace Gitspaces.Ssh.Proxy;

/// <summary>
/// The arguments of <c>gitspaces ssh-proxy [--home &lt;dir&gt;] --provider &lt;p&gt; &lt;id&gt;</c>, exactly as
/// <c>SshHostRegistry</c> writes them into <c>ProxyCommand</c>. Parsed by hand so the CLI can dispatch to the proxy before
/// it builds anything else: every SSH connection starts a sidecar process, and startup is most of its cost.
/// </summary>
/// <param name="Home">The state directory to use as <c>GITSPACES_HOME</c>, or <see langword="null"/>.</param>
/// <param name="Provider">The provider id.</param>
/// <param name="GitspaceId">The gitspace id.</param>
public sealed record SshProxyArguments(string? Home, string Provider, string GitspaceId)
{
    /// <summary>The command name.</summary>
    public const string Command = "ssh-proxy";

    /// <summary>The usage line.</summary>
    public const string Usage = "usage: gitspaces ssh-proxy [--home <dir>] --provider <provider> <id>";

    /// <summary>Parses the whole command line (starting with <c>ssh-proxy</c>).</summary>
    /// <param name="args">The process arguments.</param>
    /// <returns>The arguments, or <see langword="null"/> when they are not an ssh-proxy command line (print <see cref="Usage"/>, exit 2).</returns>
    public static SshProxyArguments? Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args switch
        {
            [Command, "--home", var home, "--provider", var provider, var id] when Valid(home, provider, id) => new(home, provider, id),
            [Command, "--provider", var provider, var id] when Valid(provider, id) => new(null, provider, id),
            _ => null,
        };
    }

    private static bool Valid(params string[] values) => values.All(v => !string.IsNullOrWhiteSpace(v) && !v.StartsWith("--", StringComparison.Ordinal));
}
