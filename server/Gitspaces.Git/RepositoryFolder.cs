namespace Gitspaces.Git;

/// <summary>Removes clones from disk.</summary>
public static class RepositoryFolder
{
    /// <summary>Deletes a folder tree, including the read-only files git writes (objects and packs).</summary>
    /// <param name="folder">The folder; nothing happens when it does not exist.</param>
    public static void Delete(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        // Directory.Delete refuses read-only files on Windows.
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(folder, recursive: true);
    }
}
