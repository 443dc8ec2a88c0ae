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
    /// Returns the remote command that runs <paramref name="command"/> in <paramref name="workspaceFolder"/>. Each word is
    /// quoted for the remote shell, so the program gets exactly the arguments given, as with <c>docker exec</c>
    /// (<c>-- printf '%s|' "a b" c</c> prints <c>a b|c|</c>; <c>-- sh -c 'exit 7'</c> exits 7). For pipes and other
    /// shell syntax, run a shell: <c>-- sh -c 'ls | wc -l'</c>.
    /// </summary>
    /// <param name="workspaceFolder">The folder in the gitspace, or <see langword="null"/> for the user's home.</param>
    /// <param name="command">The command words.</param>
    /// <returns>The remote command line.</returns>
    public static string CommandIn(string? workspaceFolder, IReadOnlyList<string> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var words = string.Join(' ', command.Select(SshConfigSyntax.PosixQuote));
        return workspaceFolder is null ? words : $"cd {SshConfigSyntax.PosixQuote(workspaceFolder)} && {words}";
    }

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
