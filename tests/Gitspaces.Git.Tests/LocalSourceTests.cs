using Gitspaces.Core.Errors;
using Gitspaces.Git.Tests.Support;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Git.Tests;

public sealed class LocalSourceTests
{
    [Fact]
    public void ARepositorysRootIsClonedWhole()
    {
        var repository = GitCli.CreateRepository();

        var source = LocalSource.Locate(repository + Path.DirectorySeparatorChar, null);

        Assert.Equal(new LocalSource(repository, null, true, null), source);
    }

    [Fact]
    public void AFolderTheRepositoryTracksIsTheWorkspaceInsideTheRepository()
    {
        var repository = GitCli.CreateRepository();
        var api = Directory.CreateDirectory(Path.Combine(repository, "services", "api")).FullName;
        File.WriteAllText(Path.Combine(api, "main.txt"), "api\n");
        GitCli.Run(repository, "add", "--all");
        GitCli.Run(repository, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "api");

        var source = LocalSource.Locate(api, null);

        Assert.Equal(new LocalSource(repository, "services/api", true, null), source);
    }

    [Fact]
    public void AFolderTheEnclosingRepositoryDoesNotTrackIsCopiedAndTheLogSaysWhy()
    {
        // A project kept under a home folder that is itself a git repository (dotfiles), or a folder not committed yet:
        // cloning the enclosing repository would bring everything but the folder.
        var home = GitCli.CreateRepository();
        var project = Directory.CreateDirectory(Path.Combine(home, "projects", "mine")).FullName;
        File.WriteAllText(Path.Combine(project, "main.txt"), "mine\n");

        var source = LocalSource.Locate(project, null);

        Assert.Equal(project, source.Root);
        Assert.Null(source.Subfolder);
        Assert.False(source.IsRepository);
        Assert.Contains($"inside the git repository {home}, which tracks nothing in it yet", source.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderInNoRepositoryIsCopied()
    {
        var folder = TempDirectory.Create("plain");

        Assert.Equal(new LocalSource(folder, null, false, null), LocalSource.Locate(folder, null));
    }

    [Fact]
    public void ABareRepositoryIsCloned()
    {
        var bare = Path.Combine(TempDirectory.Create("bare"), "project.git");
        GitCli.Run(Path.GetDirectoryName(bare)!, "clone", "--quiet", "--bare", GitCli.CreateRepository(), bare);

        var source = LocalSource.Locate(bare, null);

        Assert.True(source.IsRepository);
        Assert.Equal(bare, source.Root);
        Assert.Null(source.Subfolder);
    }

    [Fact]
    public void TheHomeFolderAndAFileSystemRootAreNeverCopiedWhole()
    {
        var home = TempDirectory.Create("home");

        var homeError = Assert.Throws<GitspaceException>(() => LocalSource.Locate(home, home + Path.DirectorySeparatorChar));
        var rootError = Assert.Throws<GitspaceException>(() => LocalSource.Locate(Path.GetPathRoot(home)!, home));

        Assert.Equal(ErrorCodes.InvalidParams, homeError.Code);
        Assert.Equal($"{home} is your home folder: a folder that is not in a git repository is copied into the gitspace whole, and this one is not copied.", homeError.Message);
        Assert.Contains("git init", homeError.Details.Hint, StringComparison.Ordinal);
        Assert.Contains("is the root of a file system", rootError.Message, StringComparison.Ordinal);
    }
}
