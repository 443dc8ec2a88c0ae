using Gitspaces.Server.Composition;
using Gitspaces.Server.Hosting;
using Gitspaces.Server.Logging;
using StreamJsonRpc;

namespace Gitspaces.Server.Rpc;

/// <summary>
/// Serves the protocol over a pair of streams (stdin/stdout for <c>gitspaces serve</c>) until the client sends
/// <c>exit</c>, closes its end, or its process dies.
/// </summary>
internal static class RpcServer
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan AnswerGrace = TimeSpan.FromSeconds(10);

    // From the compile-time shape of the target: no reflection over it, in the JIT build and the Native AOT one alike.
    private static readonly RpcTargetMetadata TargetMetadata = RpcTargetMetadata.FromShape<GitspacesRpcTarget>();

    public static async Task<int> RunAsync(Stream input, Stream output, SidecarServices services, ServerLog log)
    {
        using var stopping = new CancellationTokenSource();
        using var transport = new GuardedTransport(input, output, log);
        var notifier = new Notifier();
        var target = new GitspacesRpcTarget(services, notifier, log, stopping.Token);

        // Frames are read and checked on the thread pool while this thread builds StreamJsonRpc's connection.
        var inputPump = transport.PumpInputAsync(stopping.Token);
        var handler = new HeaderDelimitedMessageHandler(transport.RpcOutput, transport.RpcInput, RpcSerialization.CreateFormatter());
        using var rpc = new GitspacesJsonRpc(handler, log);
        rpc.AddLocalRpcTarget(TargetMetadata, target, new JsonRpcTargetOptions { NotifyClientOfEvents = false, DisposeOnDisconnect = false });
        rpc.CancelLocallyInvokedMethodsWhenConnectionIsClosed = false;
        rpc.Disconnected += (_, e) => log.Info($"disconnected: {e.Reason} {e.Description}");
        notifier.Attach(rpc);

        var notifications = notifier.RunAsync(CancellationToken.None);
        rpc.StartListening();
        var parentDied = WatchParentAsync(target.ClientProcess, stopping.Token);

        var first = await Task.WhenAny(target.ExitRequested, rpc.Completion, parentDied);
        int exitCode;
        if (first == target.ExitRequested)
        {
            exitCode = await target.ExitRequested;
            log.Info($"exit requested (code {exitCode})");

            // Requests sent before `exit` (a script writes a whole session at once) still get their answers.
            if (!await transport.WaitForAnswersAsync(AnswerGrace))
            {
                log.Warn($"exiting with requests unanswered after {AnswerGrace.TotalSeconds:0} s");
            }
        }
        else if (first == parentDied)
        {
            exitCode = 1;
            log.Info("the client process died; exiting");
        }
        else
        {
            exitCode = target.ShutdownReceived ? 0 : 1;
            log.Info("the client closed the connection; exiting");
        }

        // Operations in flight get cancelled so that they record their state instead of being cut off mid-step.
        await stopping.CancelAsync();
        target.StopWatching();
        await target.StopForwardingAsync();
        await notifier.FlushAsync().WaitAsync(DrainTimeout).ContinueWith(_ => { }, TaskScheduler.Default);
        notifier.Complete();
        rpc.Dispose();
        await Task.WhenAny(notifications, Task.Delay(DrainTimeout));
        _ = inputPump;
        return exitCode;
    }

    private static async Task WatchParentAsync(Task<int> clientProcess, CancellationToken cancellationToken)
    {
        var pid = await clientProcess.WaitAsync(cancellationToken);
        await ParentProcessWatcher.WaitForExitAsync(pid, cancellationToken);
    }
}
