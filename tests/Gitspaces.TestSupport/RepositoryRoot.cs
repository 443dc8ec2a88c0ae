namespace Gitspaces.TestSupport;

/// <summary>Finds files of the repository from a test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Gitspaces.Ide.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Gitspaces.Ide.sln above {AppContext.BaseDirectory}.");
    }
}
