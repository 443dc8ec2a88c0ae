namespace Gitspaces.DevContainers;

/// <summary>How much a <see cref="DevContainerDiagnostic"/> matters.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The configuration cannot be used as written.</summary>
    Error,

    /// <summary>The configuration is used, but something is probably not what the author meant.</summary>
    Warning,

    /// <summary>Worth knowing; nothing is wrong.</summary>
    Info,
}
