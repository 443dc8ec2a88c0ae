using Gitspaces.Core.Operations;
using Gitspaces.Git;

namespace Gitspaces.Providers.Docker.Personal;

/// <summary>Hands a clone's lines to a reporter that may outlive the operation (the journal), with a prefix; progress goes nowhere.</summary>
/// <param name="gitspaceId">The gitspace.</param>
/// <param name="reporter">Receives the lines.</param>
/// <param name="prefix">Put before each line.</param>
internal sealed class ReporterCloneObserver(string gitspaceId, IGitspaceReporter reporter, string prefix) : ICloneObserver
{
    /// <inheritdoc/>
    public void Progress(string message, int? percentage)
    {
        // Percentages of a small repository are noise in a log that lasts.
    }

    /// <inheritdoc/>
    public void Log(string stream, string line) => reporter.WriteLog(gitspaceId, stream, prefix + line);
}
