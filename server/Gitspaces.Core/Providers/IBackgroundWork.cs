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
}
