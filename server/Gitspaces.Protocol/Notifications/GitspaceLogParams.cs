namespace Gitspaces.Protocol;

/// <summary>Parameters of the <c>gitspaces/log</c> notification: one log line.</summary>
public sealed record GitspaceLogParams
{
    /// <summary>Gets the gitspace the line belongs to.</summary>
    public required string GitspaceId { get; init; }

    /// <summary>Gets the line's position in the gitspace's log.</summary>
    public required long Pos { get; init; }

    /// <summary>Gets the text.</summary>
    public required string Line { get; init; }

    /// <summary>Gets when it was written.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Gets <c>stdout</c>, <c>stderr</c> or <c>system</c>.</summary>
    public required string Stream { get; init; }
}
