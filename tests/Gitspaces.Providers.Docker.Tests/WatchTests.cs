using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

[Collection(DockerTests.Name)]
public sealed class WatchTests(DockerEnvironment environment)
{
    [Fact]
    public async Task AContainerStoppedWithTheDockerCliIsReportedAndRecordedAsAnExternalChange()
    {
        var repo = environment.Repository("watched", Configs.Files(Configs.Image()));
        using var sandbox = new Sandbox();
        var id = environment.Name("watched");
        await sandbox.CreateAsync(id, repo);
        using var watching = new CancellationTokenSource();
        var watch = sandbox.Service.WatchAsync(watching.Token);
        try
        {
            // Watching starts asynchronously: stop the container again every few seconds until the watcher has seen it (bounded).
            var deadline = DateTime.UtcNow.AddSeconds(60);
            do
            {
                Assert.True(DateTime.UtcNow < deadline, "no change was reported for the stopped container");
                Assert.False(watch.IsCompleted, "watching ended");
                DockerCli.Docker("start", "gitspace-" + id);
                DockerCli.Docker("stop", "-t", "1", "gitspace-" + id);
            }
            while (!await sandbox.WaitForChangeAsync(c => c.Id == id && c.State == GitspaceState.Stopped, TimeSpan.FromSeconds(3)));
        }
        finally
        {
            await watching.CancelAsync();
            await watch;
        }

        var events = await sandbox.Service.GetEventsAsync(id, CancellationToken.None);
        Assert.Contains(events, e => e.Type == EventTypes.GitspaceChangedExternally && e.Message.Contains("stopped", StringComparison.Ordinal));
        Assert.Equal(GitspaceState.Stopped, (await sandbox.Service.GetAsync(id, CancellationToken.None)).State);
        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
    }
}
