using Gitspaces.Core.Operations;

namespace Gitspaces.Git;

/// <summary>Reports a clone into a gitspace operation: progress as progress, lines into the gitspace's log.</summary>
/// <param name="gitspaceId">The gitspace whose log receives the lines.</param>
/// <param name="context">The operation.</param>
public sealed class OperationCloneObserver(string gitspaceId, IOperationContext context) : ICloneObserver
{
    /// <inheritdoc/>
    public void Progress(string message, int? percentage) => context.Progress(message, percentage);

    /// <inheritdoc/>
    public void Log(string stream, string line) => context.WriteLog(gitspaceId, stream, line);
}
