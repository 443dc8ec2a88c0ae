using Gitspaces.Ssh.Config;

namespace Gitspaces.Ssh.Links;

/// <summary>Remote command lines that start in the workspace folder, quoted for the gitspace's POSIX shell.</summary>
public static class RemoteShell
{
    /// <summary>Returns the remote command of an interactive login shell in <paramref name="workspaceFolder"/>.</summary>
    /// <param name="workspaceFolder">The folder in the gitspace.</param>
    /// <returns><c>cd '&lt;folder&gt;' &amp;&amp; exec "$SHELL" -l</c>.</returns>
    public static string LoginShellIn(string workspaceFolder) =>
        $"cd {SshConfigSyntax.PosixQuote(workspaceFolder)} && exec \"$SHELL\" -l";

    /// <summary>
    /// Returns the remote command that runs <paramref name="command"/> in <paramref name="workspaceFolder"/>. The words are
    /// joined with spaces and read by the remote shell, exactly as <c>ssh host word…</c> does, so pipes and quotes keep
    /// their meaning.
    /// </summary>
    /// <param name="workspaceFolder">The folder in the gitspace.</param>
    /// <param name="command">The command words.</param>
    /// <returns>The remote command line.</returns>
    public static string CommandIn(string workspaceFolder, IReadOnlyList<string> command) =>
        $"cd {SshConfigSyntax.PosixQuote(workspaceFolder)} && {string.Join(' ', command)}";

    /// <summary>Returns a command line a person pastes into a POSIX terminal to get a shell in the workspace folder.</summary>
    /// <param name="target">The SSH target.</param>
    /// <returns>For an alias of ours: <c>ssh -t gitspace-x 'cd /workspaces/x &amp;&amp; exec "$SHELL" -l'</c>.</returns>
    public static string SshCommand(SshTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Validated();
        var argv = SshCommandArguments(target);
        return string.Join(' ', argv.Select(SshConfigSyntax.PosixQuote));
    }

    private static List<string> SshCommandArguments(SshTarget target)
    {
        List<string> argv = ["ssh", "-t"];
        if (target.IsAlias)
        {
            argv.Add(target.Host);
        }
        else
        {
            if (target.Port != 22)
            {
                argv.AddRange(["-p", target.Port.ToString()]);
            }

            argv.Add(target.User + "@" + target.Host);
        }

        argv.Add(LoginShellIn(target.WorkspaceFolder));
        return argv;
    }
}
