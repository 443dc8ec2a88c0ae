namespace Gitspaces.DevContainers.Jsonc;

/// <summary>A problem the lenient parser recovered from, as jsonc-parser would (it reports none of them).</summary>
/// <param name="Offset">UTF-16 offset of the token where the problem was seen.</param>
/// <param name="Code">A <see cref="DiagnosticCodes"/> value: a syntax error, a trailing comma or a duplicate key.</param>
/// <param name="Message">What is wrong, for a person.</param>
// A class, not a struct: a List of a struct of ours is generic code that ReadyToRun cannot precompile, and every
// process that reads a configuration would compile it at start-up.
internal sealed record JsoncSyntaxError(int Offset, string Code, string Message);
