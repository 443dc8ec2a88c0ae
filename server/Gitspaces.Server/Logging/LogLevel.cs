namespace Gitspaces.Server.Logging;

/// <summary>How much the sidecar logs.</summary>
internal enum LogLevel
{
    Trace,
    Debug,
    Info,
    Warning,
    Error,
    None,
}
