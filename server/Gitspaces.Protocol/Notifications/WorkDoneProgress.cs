namespace Gitspaces.Protocol;

/// <summary>A work-done progress report: <c>begin</c>, then any number of <c>report</c>, then <c>end</c> (LSP shape).</summary>
public sealed record WorkDoneProgress
{
    /// <summary>Gets <c>begin</c>, <c>report</c> or <c>end</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Gets the title, on <c>begin</c>.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the current step, for a person.</summary>
    public string? Message { get; init; }

    /// <summary>Gets the percentage done (0–100), when known.</summary>
    public int? Percentage { get; init; }

    /// <summary>Gets a value indicating whether the request can be cancelled, on <c>begin</c>.</summary>
    public bool? Cancellable { get; init; }
}
