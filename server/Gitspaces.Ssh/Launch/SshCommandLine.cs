using System.Diagnostics;
using Gitspaces.Ssh.Links;

namespace Gitspaces.Ssh.Launch;

/// <summary>The system <c>ssh</c> command behind <c>gitspaces ssh &lt;id&gt; [-- command…]</c>.</summary>
public static class SshCommandLine
{
    /// <summary>Builds ssh's argument list (without the program) for an interactive shell or one command in the workspace folder.</summary>
    /// <param name="alias">The gitspace's host alias.</param>
    /// <param name="workspaceFolder">The folder to start in, or <see langword="null"/> for the user's home.</param>
    /// <param name="command">The command words; empty for an interactive login shell.</param>
    /// <param name="configFile">An SSH config to read instead of <c>~/.ssh/config</c> (when the registry writes elsewhere), or <see langword="null"/>.</param>
    /// <param name="options">More ssh options (forwards), placed before the alias.</param>
    /// <returns>The arguments.</returns>
    public static IReadOnlyList<string> Build(string alias, string? workspaceFolder, IReadOnlyList<string> command, string? configFile = null, IReadOnlyList<string>? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        ArgumentNullException.ThrowIfNull(command);
        List<string> argv = [];
        if (configFile is not null)
        {
            argv.AddRange(["-F", configFile]);
        }

        argv.AddRange(options ?? []);

        if (command.Count == 0)
        {
            // A remote command turns off ssh's automatic terminal; ask for one, as plain `ssh host` would have.
            if (workspaceFolder is not null)
            {
                argv.Add("-t");
            }

            // "--" keeps an alias from ever being read as an option.
            argv.AddRange(["--", alias]);
            if (workspaceFolder is not null)
            {
                argv.Add(RemoteShell.LoginShellIn(workspaceFolder));
            }

            return argv;
        }

        argv.AddRange(["--", alias, RemoteShell.CommandIn(workspaceFolder, command)]);
        return argv;
    }

    /// <summary>The line <see cref="BuildForward"/>'s remote command prints once the forward is in place.</summary>
    public const string ForwardReadyLine = "gitspaces-forward-ready";

    /// <summary>Returns ssh's options that forward a unix socket inside the gitspace to one on this machine.</summary>
    /// <param name="remoteSocket">The socket sshd makes inside the gitspace (as the login user).</param>
    /// <param name="localSocket">The socket on this machine that connections reach.</param>
    /// <returns>The options, for before the <c>--</c>.</returns>
    public static IReadOnlyList<string> RemoteSocketForward(string remoteSocket, string localSocket)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(remoteSocket);
        ArgumentException.ThrowIfNullOrWhiteSpace(localSocket);
        return ["-R", remoteSocket + ":" + localSocket];
    }

    /// <summary>
    /// Builds the arguments of an ssh that only carries forwards: no terminal, no agent, no password prompt, and a remote
    /// command that prints <see cref="ForwardReadyLine"/> (sshd binds the forwards before it runs the session, so the line
    /// means they are there) and then lasts until ssh's stdin closes.
    /// </summary>
    /// <param name="alias">The gitspace's host alias.</param>
    /// <param name="forwards">The forward options (<see cref="RemoteSocketForward"/>).</param>
    /// <param name="configFile">An SSH config to read instead of <c>~/.ssh/config</c>, or <see langword="null"/>.</param>
    /// <returns>The arguments.</returns>
    public static IReadOnlyList<string> BuildForward(string alias, IReadOnlyList<string> forwards, string? configFile = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        ArgumentNullException.ThrowIfNull(forwards);
        List<string> argv = [];
        if (configFile is not null)
        {
            argv.AddRange(["-F", configFile]);
        }

        argv.AddRange(["-T", "-o", "BatchMode=yes", "-o", "ForwardAgent=no", "-o", "ExitOnForwardFailure=yes", .. forwards, "--", alias, "echo " + ForwardReadyLine + "; exec cat >/dev/null"]);
        return argv;
    }

    /// <summary>Runs <c>ssh</c> with the terminal inherited and returns its exit code (the remote command's, or 255 for ssh's own errors).</summary>
    /// <param name="arguments">The arguments from <see cref="Build"/>.</param>
    /// <param name="cancellationToken">Kills ssh.</param>
    /// <param name="sshProgram">The ssh program; <c>ssh</c> from PATH by default.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken, string sshProgram = "ssh")
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(sshProgram) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not run '{sshProgram}' ({e.Message}). Install the OpenSSH client, or connect from an editor.", e);
        }

        using var process = started ?? throw new InvalidOperationException($"Could not start '{sshProgram}'.");
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return process.ExitCode;
    }
}
