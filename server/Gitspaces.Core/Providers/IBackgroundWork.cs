using Gitspaces.Core.Operations;

namespace Gitspaces.Core.Providers;

/// <summary>
/// A provider whose operations can leave work running after they return (lifecycle commands after <c>waitFor</c>:
/// the editor may connect while postCreate still runs). A process that exits after one operation, such as the CLI's
/// <c>up</c>, drains it first so the work is not cut short.
/// </summary>
public interface IBackgroundWork
{
    /// <summary>Waits until the work left running for one gitspace, or for all, has finished.</summary>
    /// <param name="gitspaceId">The gitspace, or <see langword="null"/> for every gitspace.</param>
    /// <returns>A task that completes when that work has finished (however it ended).</returns>
    Task DrainAsync(string? gitspaceId);

    /// <summary>
    /// Stops the work left running for a gitspace, its processes in the gitspace included, because the user cancelled
    /// the operation that started it (Ctrl+C in the CLI's <c>up</c>). When work was still going, the gitspace is left in
    /// error with <paramref name="message"/>, reported through <paramref name="journal"/>.
    /// </summary>
    /// <param name="gitspaceId">The gitspace.</param>
    /// <param name="message">What the gitspace's error says, for example "The create was cancelled.".</param>
    /// <param name="journal">Receives the event and the gitspace as it is left.</param>
    /// <returns>A task that completes when the work has stopped.</returns>
    Task CancelAsync(string gitspaceId, string message, IGitspaceJournal journal);
}
