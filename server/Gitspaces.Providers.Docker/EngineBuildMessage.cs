namespace Gitspaces.Providers.Docker;

/// <summary>
/// One JSON line of the engine's build output (classic builder): text for the log, or the error that ended the build.
/// The other fields (<c>aux</c> with the image id, <c>progressDetail</c>) are not read.
/// </summary>
internal sealed record EngineBuildMessage
{
    /// <summary>Gets the output text (one or more lines, each ending with a newline).</summary>
    public string? Stream { get; init; }

    /// <summary>Gets the error that ended the build, as a sentence.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the same error with its details.</summary>
    public EngineBuildError? ErrorDetail { get; init; }
}
