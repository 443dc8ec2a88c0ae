using System.CommandLine;

namespace Gitspaces.Server.Cli;

/// <summary>The gitspace commands (<c>up</c>, <c>list</c>, <c>stop</c>, …).</summary>
internal static class GitspaceCommands
{
    public static void AddTo(RootCommand root)
    {
        _ = root;
    }
}
