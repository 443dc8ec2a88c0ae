namespace Gitspaces.Protocol;

/// <summary>One line of a gitspace's log.</summary>
public sealed record LogLine
{
    /// <summary>Gets the line's position in the gitspace's log, from 0, increasing by one per line.</summary>
    public required long Pos { get; init; }

    /// <summary>Gets the text, without the line break.</summary>
    public required string Line { get; init; }

    /// <summary>Gets when it was written.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Gets <c>stdout</c>, <c>stderr</c> or <c>system</c> (written by the sidecar itself).</summary>
    public required string Stream { get; init; }
}
