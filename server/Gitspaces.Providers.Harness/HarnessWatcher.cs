using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Protocol;
using Gitspaces.Providers.Harness.Api;

namespace Gitspaces.Providers.Harness;

/// <summary>
/// Notices changes made elsewhere (the web UI, another machine, auto-stop) without listing every gitspace each time.
/// A full listing sets the baseline and is repeated rarely (<see cref="HarnessProviderOptions.WatchFullListInterval"/>);
/// in between, one filtered listing asks only for the gitspaces that matter now (<c>gitspace_states=running,error</c>),
/// and each gitspace known to be running, failed or busy that is missing from it is read on its own. A gitspace that
/// changed has its new events read and recorded, so an auto-stop shows as <c>gitspace_action_auto_stop</c> with its
/// message, unless an operation of this process follows it already. While nothing changes and no client asks for
/// anything, the interval doubles up to <see cref="HarnessProviderOptions.WatchIdleInterval"/>.
/// </summary>
internal sealed class HarnessWatcher
{
    private static readonly HarnessListFilter Active = new(null, ["running", "error"], null, null);
    private static readonly TimeSpan MaxFailureDelay = TimeSpan.FromMinutes(5);

    private readonly Func<HarnessClient> createClient;
    private readonly HarnessProviderOptions options;
    private readonly HarnessActivity activity;
    private readonly Dictionary<string, long> eventBaselines = new(StringComparer.Ordinal);

    public HarnessWatcher(Func<HarnessClient> createClient, HarnessProviderOptions options, HarnessActivity activity)
    {
        this.createClient = createClient;
        this.options = options;
        this.activity = activity;
    }

    /// <summary>Returns the delay before the next look: the base interval after a change or while a client is in use, else double the last, capped.</summary>
    /// <param name="current">The delay used last.</param>
    /// <param name="changed">Whether the last look found a change.</param>
    /// <param name="inUse">Whether a client asked the provider for something lately.</param>
    /// <param name="failed">Whether the control plane could not be read.</param>
    /// <param name="options">The intervals.</param>
    /// <returns>The next delay.</returns>
    public static TimeSpan NextDelay(TimeSpan current, bool changed, bool inUse, bool failed, HarnessProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (failed)
        {
            return TimeSpan.FromTicks(Math.Min(Math.Max(current.Ticks, options.WatchInterval.Ticks) * 2, MaxFailureDelay.Ticks));
        }

        return changed || inUse
            ? options.WatchInterval
            : TimeSpan.FromTicks(Math.Min(Math.Max(current.Ticks, options.WatchInterval.Ticks) * 2, Math.Max(options.WatchIdleInterval.Ticks, options.WatchInterval.Ticks)));
    }

    public async Task RunAsync(IGitspaceJournal journal, CancellationToken cancellationToken)
    {
        Dictionary<string, HarnessGitspaceConfig>? known = null;
        var lastFull = DateTimeOffset.MinValue;
        var delay = this.options.WatchInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
            var changed = false;
            var failed = false;
            try
            {
                var client = this.createClient();
                if (known is null || DateTimeOffset.UtcNow - lastFull >= this.options.WatchFullListInterval)
                {
                    var now = await client.ListAllGitspacesAsync(cancellationToken);
                    changed = known is not null && await this.ReportAsync(client, journal, known, now, [.. known.Keys], cancellationToken);
                    known = now.ToDictionary(g => g.Identifier, StringComparer.Ordinal);
                    lastFull = DateTimeOffset.UtcNow;
                }
                else
                {
                    var active = (await client.ListAllGitspacesAsync(Active, cancellationToken)).ToList();
                    var activeIds = active.Select(g => g.Identifier).ToHashSet(StringComparer.Ordinal);
                    var missing = known.Values.Where(g => IsWatched(g) && !activeIds.Contains(g.Identifier)).Select(g => g.Identifier).ToList();
                    foreach (var id in missing)
                    {
                        if (await client.FindGitspaceAsync(id, cancellationToken) is { } current)
                        {
                            active.Add(current);
                        }
                    }

                    // Only what was read can have changed; the rest of the baseline stands until the next full listing.
                    changed = await this.ReportAsync(client, journal, known, active, missing, cancellationToken);
                    foreach (var id in missing.Where(id => !active.Any(g => g.Identifier == id)))
                    {
                        known.Remove(id);
                    }

                    foreach (var config in active)
                    {
                        known[config.Identifier] = config;
                    }
                }
            }
            catch (GitspaceException)
            {
                failed = true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            delay = NextDelay(delay, changed, this.activity.SinceLastUse < this.options.WatchIdleAfter, failed, this.options);
            try
            {
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static bool IsWatched(HarnessGitspaceConfig config) =>
        HarnessMapping.ToState(config.State) is GitspaceState.Running or GitspaceState.Error or GitspaceState.Starting or GitspaceState.Stopping or GitspaceState.Cleaning;

    private static string Key(HarnessGitspaceConfig config) =>
        $"{config.State}|{config.Instance?.Identifier}|{config.Instance?.State}|{config.Instance?.ErrorMessage}|{config.Name}|{config.Ide}|{config.Resource?.Identifier}";

    /// <summary>Reports what differs from the baseline among <paramref name="seen"/>, and as deleted each of <paramref name="checkedIds"/> that is not there.</summary>
    private async Task<bool> ReportAsync(HarnessClient client, IGitspaceJournal journal, Dictionary<string, HarnessGitspaceConfig> known, IReadOnlyCollection<HarnessGitspaceConfig> seen, IReadOnlyList<string> checkedIds, CancellationToken cancellationToken)
    {
        var changed = false;
        foreach (var config in seen)
        {
            var before = known.GetValueOrDefault(config.Identifier);
            if (before is not null && Key(before) == Key(config))
            {
                continue;
            }

            changed = true;
            if (before is not null && !this.activity.IsFollowed(config.Identifier))
            {
                await this.RecordNewEventsAsync(client, journal, config.Identifier, before.Updated, cancellationToken);
            }

            journal.Changed(HarnessMapping.ToGitspace(config));
        }

        var seenIds = seen.Select(g => g.Identifier).ToHashSet(StringComparer.Ordinal);
        foreach (var id in checkedIds.Where(id => !seenIds.Contains(id)))
        {
            changed = true;
            this.eventBaselines.Remove(id);
            journal.Changed(HarnessMapping.ToGitspace(known[id]) with { State = GitspaceState.Deleted, Readiness = null, UpdatedAt = DateTimeOffset.UtcNow });
        }

        return changed;
    }

    /// <summary>
    /// Records the events newer than what was seen of the gitspace (its last change by the control plane's clock, the
    /// first time): why it changed, such as <c>gitspace_action_auto_stop</c> or an <c>infra_*_failed</c>, with its message.
    /// </summary>
    private async Task RecordNewEventsAsync(HarnessClient client, IGitspaceJournal journal, string id, long updatedBeforeMs, CancellationToken cancellationToken)
    {
        IReadOnlyList<HarnessEvent> newestFirst;
        try
        {
            newestFirst = (await client.ListEventsAsync(id, 1, HarnessClient.PageSize, cancellationToken)).Items;
        }
        catch (GitspaceException)
        {
            // The change is reported either way; its events are a courtesy.
            return;
        }

        var baseline = this.eventBaselines.TryGetValue(id, out var seen) ? seen : updatedBeforeMs * 1_000_000;
        var fresh = newestFirst.Where(e => e.Timestamp > baseline).OrderBy(e => e.Timestamp).ToList();
        foreach (var item in fresh)
        {
            journal.RecordEvent(id, item.Event, string.IsNullOrEmpty(item.Message) ? item.Event : item.Message, HarnessMapping.EventTime(item));
        }

        this.eventBaselines[id] = Math.Max(baseline, newestFirst.Count > 0 ? newestFirst.Max(e => e.Timestamp) : baseline);
    }
}
