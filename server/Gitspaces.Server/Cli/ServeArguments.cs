namespace Gitspaces.Server.Cli;

/// <summary>Recognises <c>serve [--log-level L]</c> without the command-line parser, for a fast start.</summary>
internal static class ServeArguments
{
    public static bool TryParse(string[] args, out string? logLevel)
    {
        logLevel = null;
        switch (args)
        {
            case ["serve"]:
                return true;
            case ["serve", "--log-level", var level] when !level.StartsWith('-'):
                logLevel = level;
                return true;
            default:
                return false;
        }
    }
}
