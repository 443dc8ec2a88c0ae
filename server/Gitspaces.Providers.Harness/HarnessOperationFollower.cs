using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Protocol;
using Gitspaces.Providers.Harness.Api;

namespace Gitspaces.Providers.Harness;

/// <summary>
/// Follows one operation on the control plane until the gitspace reaches its end state: polls the gitspace and its
/// events with backoff (faster again whenever something changes), and follows the log (the SSE stream on the
/// open-source server, the full log on the hosted CDE), reporting each change, new event and log line to the
/// <see cref="IOperationContext"/>. Create one per operation: it remembers what it has already reported.
/// </summary>
internal sealed class HarnessOperationFollower
{
    private const int FailureLogLines = 20;
    private const int MaxConsecutivePollFailures = 5;
    private static readonly TimeSpan DescribeAfterCancelTimeout = TimeSpan.FromSeconds(3);

    private readonly HarnessClient client;
    private readonly HarnessProviderOptions options;
    private readonly bool keepLogLocally;
    private readonly string id;
    private readonly IOperationContext context;
    private readonly HashSet<(long Timestamp, string Type)> seenEvents = [];
    private readonly Queue<string> lastLines = new();
    private readonly Lock linesGate = new();
    private long eventBaseline;
    private bool deleting;
    private HarnessEvent? failedStep;
    private int logLinesSeen;
    private string? lastReported;

    public HarnessOperationFollower(HarnessClient client, HarnessProviderOptions options, bool keepLogLocally, string id, IOperationContext context)
    {
        this.client = client;
        this.options = options;
        this.keepLogLocally = keepLogLocally;
        this.id = id;
        this.context = context;
    }

    /// <summary>Notes what history exists before the action, so only what the action causes is reported.</summary>
    public async Task BeginAsync(bool isNew)
    {
        if (isNew)
        {
            return;
        }

        var page = await this.client.ListEventsAsync(this.id, 1, HarnessClient.PageSize, this.context.CancellationToken);
        foreach (var item in page.Items)
        {
            this.seenEvents.Add((item.Timestamp, item.Event));
            this.eventBaseline = Math.Max(this.eventBaseline, item.Timestamp);
        }

        if (!this.client.StreamsLogs)
        {
            this.logLinesSeen = SplitLines(await this.client.GetLogsAsync(this.id, this.context.CancellationToken)).Count;
        }
    }

    /// <summary>Follows until the goal, a failure, the timeout or cancellation.</summary>
    /// <param name="goal">The end state.</param>
    /// <param name="verb">The operation, for messages (<c>start</c>).</param>
    /// <param name="afterAction">The gitspace as the action answered.</param>
    /// <returns>The gitspace in its end state; <see langword="null"/> once deleted.</returns>
    public async Task<HarnessGitspaceConfig?> FollowAsync(FollowGoal goal, string verb, HarnessGitspaceConfig? afterAction)
    {
        var cancellationToken = this.context.CancellationToken;
        this.deleting = goal == FollowGoal.Deleted;
        using var logCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var logTask = this.client.StreamsLogs ? this.FollowLogStreamAsync(logCancellation.Token) : Task.CompletedTask;
        var deadline = DateTimeOffset.UtcNow + this.options.OperationTimeout;
        var delay = this.options.PollInterval;
        var current = afterAction;
        var failures = 0;
        if (afterAction is not null)
        {
            this.Report(afterAction);
        }

        try
        {
            while (true)
            {
                HarnessEvent? failedEvent;
                bool progressed;
                try
                {
                    current = await this.client.FindGitspaceAsync(this.id, cancellationToken);
                    progressed = current is not null && this.Report(current);
                    failedEvent = null;
                    try
                    {
                        (failedEvent, var newEvents) = current is null ? (null, false) : await this.ReportNewEventsAsync(verb, cancellationToken);
                        var newLines = current is not null && !this.client.StreamsLogs && await this.ReportNewLogLinesAsync(cancellationToken);
                        progressed |= newEvents || newLines;
                    }
                    catch (GitspaceException ex) when (ex.Code == ErrorCodes.GitspaceNotFound)
                    {
                        // It went away between reading it and reading its history (a delete finishing).
                        current = null;
                    }

                    failures = 0;
                }
                catch (GitspaceException ex) when (ex.Code == ErrorCodes.ProviderUnavailable && ++failures < MaxConsecutivePollFailures)
                {
                    // A blip while following must not fail an operation the control plane is still running.
                    this.context.Progress($"Lost contact with the control plane ({ex.Message}); retrying.");
                    await Task.Delay(this.options.MaxPollInterval, cancellationToken);
                    continue;
                }

                var verdict = Judge(goal, current, failedEvent);
                if (verdict != Verdict.Continue)
                {
                    await this.DrainLogsAsync(logTask, logCancellation, gone: current is null);
                    if (verdict == Verdict.Failed)
                    {
                        current = await this.RereadIfStaleAsync(current, failedEvent, cancellationToken);
                        throw this.Failure(verb, current, failedEvent);
                    }

                    return current;
                }

                if (DateTimeOffset.UtcNow > deadline)
                {
                    await logCancellation.CancelAsync();
                    throw this.TimedOut(verb, current);
                }

                delay = progressed ? this.options.PollInterval : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, this.options.MaxPollInterval.Ticks));
                await Task.Delay(delay, cancellationToken);
            }
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            await logCancellation.CancelAsync();
            var state = await this.DescribeRemoteStateAsync(current);
            var message = $"Stopped following gitspace '{this.id}' ({verb}); the control plane carries on and reports it {state}.";
            this.context.WriteLog(this.id, "system", message);
            throw new OperationCanceledException(message, ex, cancellationToken);
        }
        finally
        {
            await logCancellation.CancelAsync();
            await logTask.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static Verdict Judge(FollowGoal goal, HarnessGitspaceConfig? current, HarnessEvent? failedEvent)
    {
        if (failedEvent is not null)
        {
            return Verdict.Failed;
        }

        if (current is null)
        {
            return goal == FollowGoal.Deleted ? Verdict.Done : Verdict.Failed;
        }

        if (goal == FollowGoal.Deleted)
        {
            // The real delete is asynchronous: the old state (error included) stays readable until the delete handler
            // has run, and a failed teardown is retried by a background job. Only 404 ends it; otherwise the deadline.
            return Verdict.Continue;
        }

        return (goal, HarnessMapping.ToState(current.State)) switch
        {
            (_, GitspaceState.Error) => Verdict.Failed,
            (FollowGoal.Running, GitspaceState.Running) => Verdict.Done,
            (FollowGoal.Stopped, GitspaceState.Stopped) => Verdict.Done,
            (FollowGoal.Reset, GitspaceState.Uninitialized) => Verdict.Done,
            _ => Verdict.Continue,
        };
    }

    /// <summary>Splits a whole log into lines; <see langword="null"/> (no log yet) has none.</summary>
    private static List<string> SplitLines(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var lines = text.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private bool Report(HarnessGitspaceConfig config)
    {
        var key = $"{config.State}|{config.Instance?.State}|{config.Instance?.Identifier}|{config.Instance?.ErrorMessage}";
        if (key == this.lastReported)
        {
            return false;
        }

        this.lastReported = key;
        var gitspace = HarnessMapping.ToGitspace(config);
        if (this.deleting)
        {
            // Whatever the control plane still answers while its delete handler catches up, the gitspace is going.
            this.context.Changed(gitspace with { State = GitspaceState.Cleaning, Readiness = null, ErrorMessage = null });
            this.context.Progress($"Deleting gitspace '{this.id}' (the control plane reports it {config.State}).");
            return true;
        }

        this.context.Changed(gitspace);
        this.context.Progress($"Gitspace '{this.id}' is {config.State}.");
        return true;
    }

    private async Task<(HarnessEvent? Failed, bool Any)> ReportNewEventsAsync(string verb, CancellationToken cancellationToken)
    {
        var fresh = new List<HarnessEvent>();
        for (var page = 1; page <= 20; page++)
        {
            var current = await this.client.ListEventsAsync(this.id, page, HarnessClient.PageSize, cancellationToken);
            var before = fresh.Count;
            fresh.AddRange(current.Items.Where(e => e.Timestamp >= this.eventBaseline && this.seenEvents.Add((e.Timestamp, e.Event))));

            // Newest first: once a page holds something already seen, older pages hold nothing new.
            if (fresh.Count - before < current.Items.Count || !current.HasMore(HarnessClient.PageSize))
            {
                break;
            }
        }

        HarnessEvent? failed = null;
        foreach (var item in fresh.OrderBy(e => e.Timestamp))
        {
            this.context.RecordEvent(this.id, item.Event, string.IsNullOrEmpty(item.Message) ? item.Event : item.Message);
            if (item.Event == $"gitspace_action_{verb}_failed")
            {
                failed = item;
            }
            else if (this.failedStep is null && item.Event.EndsWith("_failed", StringComparison.Ordinal) && !item.Event.StartsWith("gitspace_action_", StringComparison.Ordinal))
            {
                // The step that failed (fetch_devcontainer_failed, infra_provisioning_failed, agent_connect_failed, …)
                // says more than the action's own failure that follows it.
                this.failedStep = item;
            }
        }

        return (failed, fresh.Count > 0);
    }

    private async Task<bool> ReportNewLogLinesAsync(CancellationToken cancellationToken)
    {
        var lines = SplitLines(await this.client.GetLogsAsync(this.id, cancellationToken));
        if (lines.Count < this.logLinesSeen)
        {
            // The control plane started a new log for this operation.
            this.logLinesSeen = 0;
        }

        for (var i = this.logLinesSeen; i < lines.Count; i++)
        {
            this.WriteLine(lines[i], DateTimeOffset.UtcNow);
        }

        var any = lines.Count > this.logLinesSeen;
        this.logLinesSeen = lines.Count;
        return any;
    }

    private async Task FollowLogStreamAsync(CancellationToken cancellationToken)
    {
        // The open-source server creates the stream when the operation starts and drops it at the end;
        // a subscription that comes too early or hits a blip is retried a few times.
        var delay = this.options.PollInterval;
        for (var attempt = 0; attempt < 5 && !cancellationToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await foreach (var line in this.client.StreamLogsAsync(this.id, cancellationToken))
                {
                    this.WriteLine(line.Out ?? string.Empty, HarnessMapping.FromUnixMilliseconds(line.Time));
                    attempt = 0;
                }

                return;
            }
            catch (GitspaceException)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, this.options.MaxPollInterval.Ticks));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private void WriteLine(string text, DateTimeOffset time)
    {
        var stream = HarnessMapping.LogStream(text);
        lock (this.linesGate)
        {
            this.lastLines.Enqueue(text);
            if (this.lastLines.Count > FailureLogLines)
            {
                this.lastLines.Dequeue();
            }

            // The open-source server forgets a log when its operation ends: the journal keeps it on this machine, so
            // gitspaces/logs can show it.
            if (this.keepLogLocally)
            {
                this.context.Journal.WriteLog(this.id, stream, text, time);
                return;
            }
        }

        this.context.WriteLog(this.id, stream, text);
    }

    private async Task DrainLogsAsync(Task logTask, CancellationTokenSource logCancellation, bool gone)
    {
        if (!logTask.IsCompleted)
        {
            await Task.WhenAny(logTask, Task.Delay(this.options.LogDrainTimeout, this.context.CancellationToken));
            await logCancellation.CancelAsync();
        }

        if (!this.client.StreamsLogs && !gone)
        {
            // One last read: the lines written between the last poll and the end state.
            await this.ReportNewLogLinesAsync(this.context.CancellationToken);
        }
    }

    /// <summary>
    /// The gitspace is read before its events, so a failure recorded in between is seen in the events while the
    /// gitspace read still shows it starting, without the instance's error message, the reason users need. One more
    /// read gets both, and editors see the state it ended in.
    /// </summary>
    private async Task<HarnessGitspaceConfig?> RereadIfStaleAsync(HarnessGitspaceConfig? current, HarnessEvent? failedEvent, CancellationToken cancellationToken)
    {
        if (current is null || failedEvent is null || current.Instance?.ErrorMessage is not null)
        {
            return current;
        }

        try
        {
            if (await this.client.FindGitspaceAsync(this.id, cancellationToken) is not { } reread)
            {
                return current;
            }

            this.Report(reread);
            return reread;
        }
        catch (GitspaceException)
        {
            // The failure is reported either way; the event's own message stands in for the reason.
            return current;
        }
    }

    private GitspaceException Failure(string verb, HarnessGitspaceConfig? current, HarnessEvent? failedEvent)
    {
        if (current is null)
        {
            return GitspaceException.NotFound(this.id);
        }

        var step = this.failedStep;
        var why = current.Instance?.ErrorMessage ?? step?.Message ?? failedEvent?.Message ?? $"the control plane reports it {current.State}";
        var where = step is null ? string.Empty : $" (at {step.Event}{(string.IsNullOrEmpty(step.Message) || step.Message == why ? string.Empty : ": " + step.Message)})";
        return GitspaceException.OperationFailed(this.id, step?.Event ?? failedEvent?.Event ?? verb, $"Gitspace '{this.id}' failed to {verb}: {why}{where}", this.LastLines());
    }

    private GitspaceException TimedOut(string verb, HarnessGitspaceConfig? current)
    {
        var within = this.options.OperationTimeout >= TimeSpan.FromMinutes(1) ? $"{this.options.OperationTimeout.TotalMinutes:0} minutes" : $"{this.options.OperationTimeout.TotalSeconds:0} seconds";
        var state = current?.State ?? "gone";
        var why = current?.Instance?.ErrorMessage is { Length: > 0 } error ? $" ({error})" : string.Empty;
        var message = verb == "delete"
            ? $"Gitspace '{this.id}' was not gone within {within}: the control plane still reports it {state}{why}; it retries the teardown on its own."
            : $"Gitspace '{this.id}' did not finish {verb} within {within}; the control plane reports it {state}{why}.";
        return GitspaceException.OperationFailed(this.id, verb, message, this.LastLines());
    }

    private string[] LastLines()
    {
        lock (this.linesGate)
        {
            return [.. this.lastLines];
        }
    }

    private async Task<string> DescribeRemoteStateAsync(HarnessGitspaceConfig? lastKnown)
    {
        try
        {
            using var timeout = new CancellationTokenSource(DescribeAfterCancelTimeout);
            var now = await this.client.FindGitspaceAsync(this.id, timeout.Token);
            return now is null ? "deleted" : now.State ?? "in an unknown state";
        }
        catch (Exception ex) when (ex is GitspaceException or OperationCanceledException)
        {
            return lastKnown?.State is { } state ? $"{state} (last seen)" : "in an unknown state";
        }
    }

    private enum Verdict
    {
        Continue,
        Done,
        Failed,
    }
}
