using Gitspaces.Core.Credentials;
using Gitspaces.Git.Credentials;

namespace Gitspaces.Server.Credentials;

/// <summary>
/// The credential channels one sidecar process keeps: at most one per gitspace SSH host, opened on demand (lifecycle
/// commands, an editor's <c>gitspaces/connect</c>), re-opened when its SSH connection ended (the gitspace was stopped and
/// started), and all closed with the sidecar. Several sidecars may each keep one to the same gitspace: the helper inside
/// asks whichever answers.
/// </summary>
internal sealed class CredentialBridges : ICredentialForwarder, IAsyncDisposable
{
    private readonly Dictionary<string, Task<SshCredentialBridge>> bridges = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    // Cancels the channels still opening when the sidecar ends: a CLI command that is done does not wait for an SSH
    // connection nobody used.
    private readonly CancellationTokenSource ending = new();
    private readonly string? configFile;
    private readonly Func<string, CredentialResponder> responder;
    private readonly Action<string>? log;

    /// <summary>Initializes a new instance of the <see cref="CredentialBridges"/> class.</summary>
    /// <param name="configFile">The SSH config with the gitspaces' entries.</param>
    /// <param name="responder">Makes the responder for a gitspace's SSH host alias.</param>
    /// <param name="log">The sidecar's log.</param>
    public CredentialBridges(string? configFile, Func<string, CredentialResponder> responder, Action<string>? log)
    {
        this.configFile = configFile;
        this.responder = responder;
        this.log = log;
    }

    /// <summary>Makes sure a channel to the gitspace is open.</summary>
    /// <param name="sshHost">The gitspace's SSH host alias.</param>
    /// <param name="cancellationToken">Abandons waiting (the opening goes on for the next caller).</param>
    /// <returns>A task that completes when the channel is open.</returns>
    public async Task EnsureAsync(string sshHost, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task<SshCredentialBridge> entry;
            lock (this.gate)
            {
                if (!this.bridges.TryGetValue(sshHost, out entry!))
                {
                    entry = this.OpenAsync(sshHost);
                    this.bridges[sshHost] = entry;
                }
            }

            SshCredentialBridge bridge;
            try
            {
                bridge = await entry.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                this.Forget(sshHost, entry);
                throw;
            }

            if (!bridge.Exited.IsCompleted)
            {
                return;
            }

            // Its connection ended (a stop): a new one for the gitspace as it runs now.
            if (this.Forget(sshHost, entry))
            {
                await bridge.DisposeAsync();
            }
        }
    }

    /// <inheritdoc/>
    public async Task<IAsyncDisposable> ForwardAsync(string sshHost, CancellationToken cancellationToken)
    {
        await this.EnsureAsync(sshHost, cancellationToken);

        // The channel outlives the work that asked for it: it stays for the editor and closes with the sidecar.
        return NoOp.Instance;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await this.ending.CancelAsync();
        List<Task<SshCredentialBridge>> open;
        lock (this.gate)
        {
            open = [.. this.bridges.Values];
            this.bridges.Clear();
        }

        foreach (var entry in open)
        {
            try
            {
                await (await entry).DisposeAsync();
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Net.Sockets.SocketException or OperationCanceledException)
            {
                // It never opened: nothing to close.
            }
        }

        this.ending.Dispose();
    }

    private bool Forget(string sshHost, Task<SshCredentialBridge> entry)
    {
        lock (this.gate)
        {
            return this.bridges.TryGetValue(sshHost, out var current) && current == entry && this.bridges.Remove(sshHost);
        }
    }

    private Task<SshCredentialBridge> OpenAsync(string alias) =>
        SshCredentialBridge.OpenAsync(alias, this.configFile, this.responder(alias), this.log, this.ending.Token);

    private sealed class NoOp : IAsyncDisposable
    {
        public static readonly NoOp Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
