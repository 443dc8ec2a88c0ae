namespace Gitspaces.Server.Rpc;

/// <summary>
/// Counts the requests handed to StreamJsonRpc that have not been answered yet, so that a client that sends its
/// requests and then closes its end (a script piping frames in) still gets every answer before the server exits.
/// </summary>
internal sealed class PendingRequests
{
    private readonly Lock gate = new();
    private TaskCompletionSource? drained;
    private int count;

    /// <summary>Gets the number of requests not answered yet.</summary>
    public int Count
    {
        get
        {
            lock (this.gate)
            {
                return this.count;
            }
        }
    }

    /// <summary>Records a request on its way to StreamJsonRpc.</summary>
    public void Received()
    {
        lock (this.gate)
        {
            this.count++;
        }
    }

    /// <summary>Records a response on its way to the client.</summary>
    public void Answered()
    {
        lock (this.gate)
        {
            if (this.count > 0 && --this.count == 0)
            {
                this.drained?.TrySetResult();
            }
        }
    }

    /// <summary>Waits until every request received so far has its answer, or the time is up.</summary>
    /// <param name="timeout">How long to wait at most.</param>
    /// <returns><see langword="true"/> when every request was answered.</returns>
    public async Task<bool> WaitDrainedAsync(TimeSpan timeout)
    {
        Task drainedTask;
        lock (this.gate)
        {
            if (this.count == 0)
            {
                return true;
            }

            this.drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drainedTask = this.drained.Task;
        }

        return await Task.WhenAny(drainedTask, Task.Delay(timeout)) == drainedTask;
    }
}
