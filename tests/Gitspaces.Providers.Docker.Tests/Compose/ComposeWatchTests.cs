using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests.Compose;

[Collection(DockerTests.Name)]
public sealed class ComposeWatchTests(DockerEnvironment environment)
{
    [Fact]
    public async Task AnotherServiceStoppedBehindOurBack_IsReportedForTheGitspace_WhichStaysRunning()
    {
        var repo = environment.Repository("compose-watched", Configs.Files(
            """{ "dockerComposeFile": "docker-compose.yml", "service": "app", "workspaceFolder": "/workspaces/compose-watched" }""",
            // Versionless, every service from an image, as today's templates write it (docker-compose v1 once refused to merge it with our override).
            [(".devcontainer/docker-compose.yml", ComposeConfigs.AppAndDatabase(version: string.Empty)), .. ComposeConfigs.EnvFiles]));
        using var sandbox = new Sandbox();
        var id = environment.Name("compose-watched");
        await sandbox.CreateAsync(id, repo);
        var db = ComposeGitspaceTests.ServiceContainer("gitspace-" + id, "db");
        using var watching = new CancellationTokenSource();
        var watch = sandbox.Service.WatchAsync(watching.Token);
        try
        {
            // Watching starts asynchronously: stop the database again until the watcher has reported it (bounded).
            var deadline = DateTime.UtcNow.AddSeconds(60);
            do
            {
                Assert.True(DateTime.UtcNow < deadline, "no change was reported for the stopped service");
                Assert.False(watch.IsCompleted, "watching ended");
                DockerCli.Docker("start", db);
                DockerCli.Docker("stop", "-t", "1", db);
            }
            while (!await WaitForEventAsync(sandbox, id, "compose service 'db' was stopped"));
        }
        finally
        {
            await watching.CancelAsync();
            await watch;
        }

        Assert.Contains(sandbox.Changes, c => c.Id == id && c.State == GitspaceState.Running);
        Assert.Equal(GitspaceState.Running, (await sandbox.Service.GetAsync(id, CancellationToken.None)).State);
        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
    }

    private static async Task<bool> WaitForEventAsync(Sandbox sandbox, string id, string text)
    {
        await sandbox.WaitForChangeAsync(c => c.Id == id, TimeSpan.FromSeconds(3));
        return (await sandbox.Service.GetEventsAsync(id, CancellationToken.None)).Any(e => e.Type == EventTypes.GitspaceChangedExternally && e.Message.Contains(text, StringComparison.Ordinal));
    }
}
