using System.Diagnostics;
using Gitspaces.Git.Credentials;
using Gitspaces.Ssh.Launch;

namespace Gitspaces.Server.Credentials;

/// <summary>
/// One credential channel to one gitspace: a broker on a unix socket on this machine and the system <c>ssh</c>, through
/// the gitspace's own SSH entry (so its ProxyCommand, keys and known host), forwarding a socket inside the gitspace to
/// it (<c>ssh -R</c>). It lasts until disposed, or until the SSH connection ends (the gitspace stopped).
/// </summary>
internal sealed class SshCredentialBridge : IAsyncDisposable
{
    private static readonly TimeSpan ReadyPatience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitPatience = TimeSpan.FromSeconds(5);

    private readonly Process ssh;
    private readonly CredentialBroker broker;
    private int disposed;

    private SshCredentialBridge(Process ssh, CredentialBroker broker, string remoteSocket)
    {
        this.ssh = ssh;
        this.broker = broker;
        this.RemoteSocket = remoteSocket;
        this.Exited = ssh.WaitForExitAsync();
    }

    /// <summary>Gets the socket inside the gitspace.</summary>
    public string RemoteSocket { get; }

    /// <summary>Gets a task that completes when the SSH connection has ended.</summary>
    public Task Exited { get; }

    /// <summary>Opens the channel; it is in place when this returns.</summary>
    /// <param name="alias">The gitspace's SSH host alias.</param>
    /// <param name="configFile">The SSH config that has the alias, or <see langword="null"/> for ssh's default.</param>
    /// <param name="responder">Answers the gitspace's requests.</param>
    /// <param name="log">Receives one line per request and the bridge's own failures; never a secret.</param>
    /// <param name="cancellationToken">Abandons the opening.</param>
    /// <param name="sshProgram">The ssh program.</param>
    /// <returns>The bridge.</returns>
    public static async Task<SshCredentialBridge> OpenAsync(string alias, string? configFile, CredentialResponder responder, Action<string>? log, CancellationToken cancellationToken, string sshProgram = "ssh")
    {
        var broker = CredentialBroker.Listen(responder.AnswerAsync, log);
        var remoteSocket = ContainerCredentialHelper.NewSocketPath();
        var start = new ProcessStartInfo(sshProgram)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in SshCommandLine.BuildForward(alias, SshCommandLine.RemoteSocketForward(remoteSocket, broker.SocketPath), configFile))
        {
            start.ArgumentList.Add(argument);
        }

        Process ssh;
        try
        {
            ssh = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{sshProgram}'.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            await broker.DisposeAsync();
            throw new InvalidOperationException($"Could not run '{sshProgram}' ({e.Message}); install the OpenSSH client.", e);
        }

        var errors = ssh.StandardError.ReadToEndAsync(CancellationToken.None);
        var bridge = new SshCredentialBridge(ssh, broker, remoteSocket);
        try
        {
            using var ready = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            ready.CancelAfter(ReadyPatience);
            string? line;
            while ((line = await ssh.StandardOutput.ReadLineAsync(ready.Token)) is not null && line != SshCommandLine.ForwardReadyLine)
            {
            }

            if (line is null)
            {
                await ssh.WaitForExitAsync(CancellationToken.None);
                var said = (await errors).Trim();
                throw new InvalidOperationException($"ssh could not forward the credential socket into '{alias}' (exit code {ssh.ExitCode})" + (said.Length == 0 ? "." : $": {said}"));
            }

            // Whatever else ssh prints (nothing: the remote command prints one line) must not fill its pipe.
            _ = ssh.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
            _ = errors.ContinueWith(t => log?.Invoke($"credentials: ssh to '{alias}' ended{(t.Result.Trim().Length == 0 ? string.Empty : ": " + t.Result.Trim())}"), TaskScheduler.Default);
            return bridge;
        }
        catch (Exception ex) when (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await bridge.DisposeAsync();
            throw new InvalidOperationException($"ssh did not set up the credential socket in '{alias}' within {ReadyPatience.TotalSeconds:0} s.", ex);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Nobody waits for this channel any more: ssh is stopped where it is, not allowed to finish its handshake.
            await bridge.AbandonAsync();
            throw;
        }
        catch
        {
            await bridge.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref this.disposed, 1) != 0)
        {
            return;
        }

        try
        {
            // The remote `cat` ends with its input, the session with it, and ssh (and sshd) then exit on their own.
            this.ssh.StandardInput.Close();
        }
        catch (IOException)
        {
        }

        if (await Task.WhenAny(this.Exited, Task.Delay(ExitPatience, CancellationToken.None)) != this.Exited)
        {
            this.ssh.Kill(entireProcessTree: true);
            await this.Exited;
        }

        this.ssh.Dispose();
        await this.broker.DisposeAsync();
    }

    private async Task AbandonAsync()
    {
        if (Interlocked.Exchange(ref this.disposed, 1) != 0)
        {
            return;
        }

        if (!this.Exited.IsCompleted)
        {
            this.ssh.Kill(entireProcessTree: true);
            await this.Exited;
        }

        this.ssh.Dispose();
        await this.broker.DisposeAsync();
    }
}
