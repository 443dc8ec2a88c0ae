using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Gitspaces.Core.Operations;
using Gitspaces.Protocol;
using StreamJsonRpc;

namespace Gitspaces.Server.Rpc;

/// <summary>
/// Sends notifications to the client strictly in the order they happened, from one loop, whatever thread reported
/// them; <see cref="FlushAsync"/> lets a request make sure its progress went out before its response.
/// </summary>
internal sealed class Notifier : IGitspaceObserver
{
    private readonly Channel<Outgoing> queue = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private JsonRpc? rpc;

    public void Attach(JsonRpc connection) => this.rpc = connection;

    public void Send<T>(string method, T parameters)
        where T : notnull => this.queue.Writer.TryWrite(new Outgoing(method, parameters, null));

    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return this.queue.Writer.TryWrite(new Outgoing(null, null, done)) ? done.Task : Task.CompletedTask;
    }

    public void Complete() => this.queue.Writer.TryComplete();

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "SystemTextJsonFormatter writes a parameter object whole with its JsonTypeInfo from GitspacesJsonContext; nothing reflects over it.")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var item in this.queue.Reader.ReadAllAsync(cancellationToken))
        {
            if (item.Flushed is { } flushed)
            {
                flushed.TrySetResult();
                continue;
            }

            try
            {
                await this.rpc!.NotifyWithParameterObjectAsync(item.Method!, item.Parameters);
            }
            catch (Exception ex) when (ex is ConnectionLostException or ObjectDisposedException or IOException)
            {
                // The client is gone; the remaining notifications have nobody to read them.
                this.queue.Writer.TryComplete();
            }
        }
    }

    public void OnChanged(Gitspace gitspace) => this.Send(Methods.DidChange, new DidChangeParams { Gitspace = gitspace });

    public void OnEvent(string gitspaceId, GitspaceEvent gitspaceEvent) =>
        this.Send(Methods.Event, new GitspaceEventParams { GitspaceId = gitspaceId, Event = gitspaceEvent });

    public void OnLog(string gitspaceId, LogLine line) =>
        this.Send(Methods.Log, new GitspaceLogParams { GitspaceId = gitspaceId, Pos = line.Pos, Line = line.Line, Time = line.Time, Stream = line.Stream });

    private sealed record Outgoing(string? Method, object? Parameters, TaskCompletionSource? Flushed);
}
