using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests.Compose;

/// <summary>Compose configurations that cannot run: each fails with compose's own message, and leaves nothing that delete does not remove.</summary>
[Collection(DockerTests.Name)]
public sealed class ComposeFailureTests(DockerEnvironment environment)
{
    [Fact]
    public async Task AServiceThatExits_LeavesTheGitspaceInErrorWithComposesMessage_AndDeleteThenACorrectedRetryWork()
    {
        const string Broken = """["sh", "-c", "echo db is broken >&2; exit 3"]""";
        var compose = (string dbCommand) => $$"""
            services:
              app:
                image: {{DockerEnvironment.BaseImage}}
                command: sleep infinity
                depends_on:
                  db:
                    condition: service_completed_successfully
              db:
                image: {{DockerEnvironment.BaseImage}}
                command: {{dbCommand}}
            """;
        var config = """{ "dockerComposeFile": "docker-compose.yml", "service": "app" }""";
        var repo = environment.Repository("compose-exits", Configs.Files(config, (".devcontainer/docker-compose.yml", compose(Broken))));
        using var sandbox = new Sandbox();
        var id = environment.Name("compose-exits");
        var project = "gitspace-" + id;

        var error = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(id, repo));

        Assert.Equal(ErrorCodes.OperationFailed, error.Code);
        Assert.Contains("exited with code 3", error.Message, StringComparison.Ordinal);
        var failed = await sandbox.Service.GetAsync(id, CancellationToken.None);
        Assert.Equal(GitspaceState.Error, failed.State);
        Assert.Contains("exited with code 3", failed.ErrorMessage, StringComparison.Ordinal);
        var events = (await sandbox.Service.GetEventsAsync(id, CancellationToken.None)).Select(e => e.Type).ToList();
        Assert.Contains(EventTypes.ComposeUpFailed, events);
        Assert.DoesNotContain(EventTypes.ComposeUpCompleted, events);
        Assert.False(DockerCli.Exists("container", $"gitspace-{id}-upload"), "the upload's helper container is gone");

        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
        Assert.Empty(DockerCli.Docker("ps", "-aq", "--filter", "label=com.docker.compose.project=" + project));
        Assert.Empty(DockerCli.Docker("network", "ls", "-q", "--filter", "label=com.docker.compose.project=" + project));
        Assert.Empty(DockerCli.Docker("ps", "-aq", "--filter", "label=dev.gitspaces.id=" + id));

        // Fixed in the repository: the same name works again.
        File.WriteAllText(Path.Combine(repo, ".devcontainer", "docker-compose.yml"), compose("""["true"]"""));
        DockerCli.RunIn(repo, "git", "commit", "-qam", "fix db");
        var created = await sandbox.CreateAsync(id, repo);
        await sandbox.Provider.DrainAsync(id);
        Assert.Equal(GitspaceState.Running, created.State);
        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
    }

    [Fact]
    public async Task ABadComposeFileAndAMissingService_AreInvalidConfigurationsWithTheirMessages()
    {
        var repo = environment.Repository("compose-bad", Configs.Files(
            """{ "dockerComposeFile": "docker-compose.yml", "service": "app" }""",
            (".devcontainer/docker-compose.yml", "services:\n  app:\n    image: [unclosed\n")));
        var other = environment.Repository("compose-noservice", Configs.Files(
            """{ "dockerComposeFile": "docker-compose.yml", "service": "web" }""",
            (".devcontainer/docker-compose.yml", $"services:\n  app:\n    image: {DockerEnvironment.BaseImage}\n")));
        using var sandbox = new Sandbox();
        var id = environment.Name("compose-bad");
        var otherId = environment.Name("compose-noservice");

        var bad = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(id, repo));
        var missing = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(otherId, other));

        Assert.Equal(ErrorCodes.DevcontainerInvalid, bad.Code);
        Assert.Contains("Docker Compose cannot read its configuration", bad.Message, StringComparison.Ordinal);
        Assert.Contains(sandbox.Logs, l => l.Id == id && l.Line.Line.Contains("docker-compose.yml", StringComparison.Ordinal));
        Assert.Equal(ErrorCodes.DevcontainerInvalid, missing.Code);
        Assert.Contains("Service 'web' configured in devcontainer.json not found in Docker Compose configuration.", missing.Message, StringComparison.Ordinal);

        // Nothing of the project was made: nothing is left, and the same request can be sent again (#13).
        await sandbox.AssertNothingLeftAsync(id);
        await sandbox.AssertNothingLeftAsync(otherId);
        Assert.False(Directory.Exists(Path.Combine(sandbox.Paths.DataDirectory, "docker", "compose", id)));
    }
}
