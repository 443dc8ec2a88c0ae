using System.Text.Json;
using Gitspaces.Core.Operations;
using Gitspaces.Protocol;

namespace Gitspaces.Server.Rpc;

/// <summary>LSP work-done progress for one request: <c>begin</c>, <c>report</c>s, then <c>end</c>, as <c>$/progress</c> notifications.</summary>
internal sealed class WorkDoneReporter : IProgress<OperationProgress>
{
    private readonly Notifier notifier;
    private readonly JsonElement token;
    private int ended;

    private WorkDoneReporter(Notifier notifier, JsonElement token, string title)
    {
        this.notifier = notifier;
        this.token = token;
        this.Send(new WorkDoneProgress { Kind = "begin", Title = title, Cancellable = true });
    }

    /// <summary>Starts progress for a request, when the request asked for it.</summary>
    /// <param name="notifier">Where notifications go.</param>
    /// <param name="token">The request's <c>workDoneToken</c>.</param>
    /// <param name="title">The title of the work.</param>
    /// <returns>The reporter, or <see langword="null"/> when the request carried no token.</returns>
    public static WorkDoneReporter? Begin(Notifier notifier, JsonElement? token, string title) =>
        token is { ValueKind: JsonValueKind.String or JsonValueKind.Number } t ? new WorkDoneReporter(notifier, t.Clone(), title) : null;

    public void Report(OperationProgress value)
    {
        if (Volatile.Read(ref this.ended) == 0)
        {
            this.Send(new WorkDoneProgress { Kind = "report", Message = value.Message, Percentage = value.Percentage });
        }
    }

    /// <summary>Ends the progress.</summary>
    /// <param name="message">The final message.</param>
    public void End(string message)
    {
        if (Interlocked.Exchange(ref this.ended, 1) == 0)
        {
            this.Send(new WorkDoneProgress { Kind = "end", Message = message });
        }
    }

    private void Send(WorkDoneProgress value) => this.notifier.Send(Methods.Progress, new ProgressParams { Token = this.token, Value = value });
}
