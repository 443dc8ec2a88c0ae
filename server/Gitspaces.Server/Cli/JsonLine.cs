using Gitspaces.Protocol;

namespace Gitspaces.Server.Cli;

/// <summary>The one line <c>--json</c> prints at the end of a command, for scripts (the reference CLI's shape).</summary>
/// <param name="Outcome"><c>success</c> or <c>error</c>.</param>
/// <param name="Gitspace">The gitspace, when there is one.</param>
/// <param name="Error">The error, on failure.</param>
internal sealed record JsonLine(string Outcome, Gitspace? Gitspace, JsonError? Error);
