namespace Gitspaces.Server.Cli;

/// <summary>
/// Recognises the plain forms of <c>gitspaces list</c> (<c>ls</c>, <c>--json</c>, <c>--provider P</c>) without the
/// command-line parser: editors' status bars and scripts list often, and building the whole command tree would cost
/// more than reading the engine. Anything else (help, typos, unknown options) goes through the parser as usual.
/// </summary>
internal static class ListArguments
{
    /// <summary>Parses the arguments when they are a plain list command.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="provider">The provider given with <c>--provider</c>/<c>-p</c>, or <see langword="null"/>.</param>
    /// <param name="json">Whether <c>--json</c> was given.</param>
    /// <returns><see langword="true"/> when the fast path can run the command.</returns>
    public static bool TryParse(string[] args, out string? provider, out bool json)
    {
        provider = null;
        json = false;
        if (args.Length == 0 || args[0] is not ("list" or "ls"))
        {
            return false;
        }

        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json" when !json:
                    json = true;
                    break;
                case "--provider" or "-p" when provider is null && i + 1 < args.Length && IsValue(args[i + 1]):
                    provider = args[++i];
                    break;
                default:
                    if (provider is null && args[i].StartsWith("--provider=", StringComparison.Ordinal) && IsValue(args[i]["--provider=".Length..]))
                    {
                        provider = args[i]["--provider=".Length..];
                        break;
                    }

                    return false;
            }
        }

        return true;
    }

    private static bool IsValue(string value) => value.Length > 0 && !value.StartsWith('-');
}
