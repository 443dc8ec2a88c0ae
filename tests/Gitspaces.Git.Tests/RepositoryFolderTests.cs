using Gitspaces.TestSupport;

namespace Gitspaces.Git.Tests;

public sealed class RepositoryFolderTests
{
    [Fact]
    public void ATreeWithReadOnlyFilesIsDeleted()
    {
        var folder = TempDirectory.Create("git-delete");
        Directory.CreateDirectory(Path.Combine(folder, ".git", "objects", "pack"));
        var pack = Path.Combine(folder, ".git", "objects", "pack", "pack-1.pack");
        File.WriteAllText(pack, "pack");
        File.SetAttributes(pack, FileAttributes.ReadOnly);

        RepositoryFolder.Delete(folder);

        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void AMissingFolderIsNothingToDo()
    {
        var folder = Path.Combine(TempDirectory.Create("git-delete"), "never-made");

        RepositoryFolder.Delete(folder);

        Assert.False(Directory.Exists(folder));
    }
}
