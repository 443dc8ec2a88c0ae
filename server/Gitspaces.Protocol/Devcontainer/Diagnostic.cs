namespace Gitspaces.Protocol;

/// <summary>One problem found in a configuration file, with its position (1-based line and column).</summary>
public sealed record Diagnostic
{
    /// <summary>Gets the file the problem is in.</summary>
    public required string File { get; init; }

    /// <summary>Gets the 1-based line.</summary>
    public required int Line { get; init; }

    /// <summary>Gets the 1-based column.</summary>
    public required int Column { get; init; }

    /// <summary>Gets <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public required string Severity { get; init; }

    /// <summary>Gets the explanation, for a person.</summary>
    public required string Message { get; init; }

    /// <summary>Gets a stable code for the kind of problem (for example <c>unknown-property</c>).</summary>
    public string? Code { get; init; }

    /// <summary>Gets the JSON path of the value (for example <c>$.build.dockerfile</c>).</summary>
    public string? Path { get; init; }
}
