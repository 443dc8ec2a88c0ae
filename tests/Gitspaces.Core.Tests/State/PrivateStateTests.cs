using Gitspaces.Core.State;
using Gitspaces.Core.Tests.Fakes;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Core.Tests.State;

/// <summary>The state directory holds clones, events and logs: like the keys, for its owner only (issue #13).</summary>
public sealed class PrivateStateTests
{
    private const UnixFileMode OwnerDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task History_is_written_owner_only_and_a_wider_state_folder_is_tightened()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var root = TempDirectory.Create("private-state");
        var paths = new StatePaths(Path.Combine(root, "data"), Path.Combine(root, "config"));
        Directory.CreateDirectory(paths.DataDirectory, OwnerDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var fake = new FakeProvider("fake");
        fake.During = (_, id, context) =>
        {
            context.WriteLog(id, "stdout", "a line");
            return Task.CompletedTask;
        };
        var service = new GitspaceService([fake], paths);

        await service.CreateAsync(new CreateGitspaceParams { Name = "app", Repository = new RepositorySource { Url = "https://example.test/app.git" } }, null, CancellationToken.None);

        Assert.Equal(OwnerDirectory, File.GetUnixFileMode(paths.DataDirectory));
        Assert.Equal(OwnerDirectory, File.GetUnixFileMode(paths.ConfigDirectory));
        var folder = paths.GitspaceDirectoryPath("fake", "app");
        Assert.Equal(OwnerDirectory, File.GetUnixFileMode(folder));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(folder, "events.jsonl")));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(folder, "log.jsonl")));
    }
}
