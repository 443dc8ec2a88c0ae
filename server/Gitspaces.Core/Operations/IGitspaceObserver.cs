using Gitspaces.Protocol;

namespace Gitspaces.Core.Operations;

/// <summary>Receives what happens to gitspaces: the RPC host turns it into notifications, the CLI into output.</summary>
public interface IGitspaceObserver
{
    /// <summary>A gitspace changed.</summary>
    /// <param name="gitspace">The gitspace as it is now.</param>
    void OnChanged(Gitspace gitspace);

    /// <summary>An event was recorded.</summary>
    /// <param name="gitspaceId">The gitspace.</param>
    /// <param name="gitspaceEvent">The event.</param>
    void OnEvent(string gitspaceId, GitspaceEvent gitspaceEvent);

    /// <summary>A log line was written.</summary>
    /// <param name="gitspaceId">The gitspace.</param>
    /// <param name="line">The line.</param>
    void OnLog(string gitspaceId, LogLine line);
}
