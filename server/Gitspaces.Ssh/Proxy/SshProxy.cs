using Gitspaces.Core.Errors;
using Gitspaces.Core.Providers;
using Gitspaces.Core.Ssh;
using Gitspaces.Core.State;

namespace Gitspaces.Ssh.Proxy;

/// <summary>
/// The body of <c>gitspaces ssh-proxy</c>, the <c>ProxyCommand</c> of every gitspace: it opens the provider's SSH
/// channel and copies bytes both ways until either side closes. Its stdout carries nothing but the SSH stream.
/// </summary>
public static class SshProxy
{
    /// <summary>The exit code when the channel could not be opened or broke.</summary>
    public const int FailureExitCode = 1;

    /// <summary>The exit code when the provider the SSH entry names has no SSH channel in this host.</summary>
    public const int NoChannelExitCode = 2;

    private const int BufferSize = 64 * 1024;

    private static readonly TimeSpan StdinClosedGrace = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Finds the SSH channel of the provider the gitspace's SSH entry names, then carries the session as
    /// <see cref="RunAsync(ISshChannelProvider, string, Stream, Stream, TextWriter, CancellationToken)"/> does. Both the
    /// sidecar's <c>ssh-proxy</c> and the NativeAOT proxy start here, so they answer alike.
    /// </summary>
    /// <param name="channels">The channels this host carries.</param>
    /// <param name="providerId">The provider id.</param>
    /// <param name="paths">The state directory the SSH entry was written with.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="stdin">What ssh writes (the process's standard input).</param>
    /// <param name="stdout">What ssh reads (the process's standard output).</param>
    /// <param name="stderr">Where failures are reported for the person running ssh.</param>
    /// <param name="cancellationToken">Ends the session.</param>
    /// <returns>0 when the session ended normally, <see cref="NoChannelExitCode"/> without a channel, <see cref="FailureExitCode"/> otherwise.</returns>
    public static async Task<int> RunAsync(ProviderRegistry channels, string providerId, StatePaths paths, string gitspaceId, Stream stdin, Stream stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(stderr);
        ISshChannelProvider channel;
        try
        {
            channel = channels.CreateSshChannel(providerId, paths);
        }
        catch (GitspaceException e)
        {
            await ReportAsync(stderr, e.Message, e.Details.Hint);
            return NoChannelExitCode;
        }

        return await RunAsync(channel, gitspaceId, stdin, stdout, stderr, cancellationToken);
    }

    /// <summary>Carries an SSH session between ssh (on <paramref name="stdin"/>/<paramref name="stdout"/>) and the gitspace.</summary>
    /// <param name="provider">The provider that owns the gitspace.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="stdin">What ssh writes (the process's standard input).</param>
    /// <param name="stdout">What ssh reads (the process's standard output); flushed after every chunk.</param>
    /// <param name="stderr">Where failures are reported for the person running ssh.</param>
    /// <param name="cancellationToken">Ends the session.</param>
    /// <returns>0 when the session ended normally, <see cref="FailureExitCode"/> otherwise.</returns>
    public static async Task<int> RunAsync(ISshChannelProvider provider, string gitspaceId, Stream stdin, Stream stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        Stream channel;
        try
        {
            channel = await provider.OpenSshChannelAsync(gitspaceId, cancellationToken);
        }
        catch (GitspaceException e)
        {
            await ReportAsync(stderr, e.Message, e.Details.Hint);
            return FailureExitCode;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or OperationCanceledException)
        {
            await ReportAsync(stderr, $"Could not open an SSH channel to gitspace '{gitspaceId}': {e.Message}", null);
            return FailureExitCode;
        }

        await using (channel)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var fromClient = CopyAsync(stdin, channel, stop.Token);
            var toClient = CopyAsync(channel, stdout, stop.Token);

            // sshd ends its output only when the session is over: done. ssh closes our stdin when it is done with the
            // connection (and then hangs up on us anyway); give the remote side a moment to finish, then end it.
            var first = await Task.WhenAny(fromClient, toClient);
            if (first == fromClient && await fromClient is null)
            {
                await Task.WhenAny(toClient, Task.Delay(StdinClosedGrace, CancellationToken.None));
                first = toClient.IsCompleted ? toClient : fromClient;
            }

            await stop.CancelAsync();
            if (await first is { } failure)
            {
                await ReportAsync(stderr, $"The SSH channel to gitspace '{gitspaceId}' broke: {failure.Message}", null);
                return FailureExitCode;
            }

            return 0;
        }
    }

    /// <summary>Copies until the source ends, flushing each chunk so interactive sessions see keystrokes at once.</summary>
    /// <returns><see langword="null"/> when the source ended, or the failure.</returns>
    private static async Task<Exception?> CopyAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                await destination.FlushAsync(cancellationToken);
            }

            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            return e;
        }
    }

    private static async Task ReportAsync(TextWriter stderr, string message, string? hint)
    {
        await stderr.WriteLineAsync("gitspaces ssh-proxy: " + message);
        if (!string.IsNullOrEmpty(hint))
        {
            await stderr.WriteLineAsync("gitspaces ssh-proxy: " + hint);
        }

        await stderr.FlushAsync();
    }
}
