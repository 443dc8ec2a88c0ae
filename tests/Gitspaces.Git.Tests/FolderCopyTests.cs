using Gitspaces.Git.Tests.Support;
using Gitspaces.TestSupport;

namespace Gitspaces.Git.Tests;

public sealed class FolderCopyTests
{
    [Fact]
    public async Task FilesModesAndLinksAreCopied_LinksAreNeverFollowed()
    {
        var source = TempDirectory.Create("copy-from");
        Directory.CreateDirectory(Path.Combine(source, "src", "deep"));
        File.WriteAllText(Path.Combine(source, "src", "deep", "a.txt"), "a\n");
        var script = Path.Combine(source, "run.sh");
        File.WriteAllText(script, "#!/bin/sh\n");
        var outside = TempDirectory.Create("outside");
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "not for the gitspace\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.CreateSymbolicLink(Path.Combine(source, "to-secret"), Path.Combine(outside, "secret.txt"));
            Directory.CreateSymbolicLink(Path.Combine(source, "to-outside"), outside);
        }

        var destination = Path.Combine(TempDirectory.Create("copy-to"), "project");
        var observer = new RecordingObserver();

        var copy = await FolderCopy.CopyAsync(source, destination, observer, CancellationToken.None);

        Assert.Equal(new ClonedRepository(destination, source, null, string.Empty), copy);
        Assert.Equal("a\n", File.ReadAllText(Path.Combine(destination, "src", "deep", "a.txt")));
        Assert.Contains(observer.Lines, l => l.Line.StartsWith($"Copied {source}: 2 files", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(Path.Combine(destination, "run.sh")).HasFlag(UnixFileMode.UserExecute));
            Assert.Equal(Path.Combine(outside, "secret.txt"), new FileInfo(Path.Combine(destination, "to-secret")).LinkTarget);
            Assert.Equal(outside, new DirectoryInfo(Path.Combine(destination, "to-outside")).LinkTarget);
        }
    }

    [Fact]
    public async Task ACancelledCopyLeavesNothing()
    {
        var source = TempDirectory.Create("copy-from");
        File.WriteAllText(Path.Combine(source, "a.txt"), "a\n");
        var destination = Path.Combine(TempDirectory.Create("copy-to"), "project");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FolderCopy.CopyAsync(source, destination, null, new CancellationToken(canceled: true)));

        Assert.False(Directory.Exists(destination));
    }
}
