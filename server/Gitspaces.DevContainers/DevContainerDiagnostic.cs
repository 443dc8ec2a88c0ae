namespace Gitspaces.DevContainers;

/// <summary>One problem found in a configuration file, with its position.</summary>
/// <param name="File">The file the problem is in (absolute).</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column, in UTF-16 code units.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Message">The explanation, for a person.</param>
/// <param name="Code">A stable code from <see cref="DiagnosticCodes"/>.</param>
/// <param name="Path">The JSON path of the value (for example <c>$.build.dockerfile</c>), or null for the whole file.</param>
public sealed record DevContainerDiagnostic(
    string File,
    int Line,
    int Column,
    DiagnosticSeverity Severity,
    string Message,
    string Code,
    string? Path)
{
    /// <summary>Gets the severity as the wire protocol spells it: <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public string SeverityName => this.Severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    /// <inheritdoc/>
    public override string ToString() => $"{this.File}({this.Line},{this.Column}): {this.SeverityName} {this.Code}: {this.Message}";
}
