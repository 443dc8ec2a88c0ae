using Gitspaces.Protocol;

namespace Gitspaces.Server.Cli;

/// <summary>The error member of a <see cref="JsonLine"/>.</summary>
/// <param name="Code">The protocol error code.</param>
/// <param name="Message">What went wrong.</param>
internal sealed record JsonError(int Code, string Message)
{
    /// <summary>Gets the error's details.</summary>
    public ErrorData? Data { get; init; }
}
