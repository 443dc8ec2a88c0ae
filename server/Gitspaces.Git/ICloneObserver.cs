namespace Gitspaces.Git;

/// <summary>Receives what a clone reports while it runs.</summary>
public interface ICloneObserver
{
    /// <summary>Reports how far the transfer is.</summary>
    /// <param name="message">The step, for a person; the URL in it has no credentials.</param>
    /// <param name="percentage">How far along, 0–100; <see langword="null"/> when the total is not known.</param>
    void Progress(string message, int? percentage);

    /// <summary>Reports a line for the log: what the git server printed, or the clone's summary.</summary>
    /// <param name="stream"><c>stderr</c> for the server's output, <c>system</c> for the summary.</param>
    /// <param name="line">The text, without the line break.</param>
    void Log(string stream, string line);
}
