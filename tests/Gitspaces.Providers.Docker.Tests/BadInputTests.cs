using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

[Collection(DockerTests.Name)]
public sealed class BadInputTests(DockerEnvironment environment)
{
    [Fact]
    public async Task AnUnknownRepositoryIsRepositoryUnavailable_ByPathAndOverGit()
    {
        using var sandbox = new Sandbox();
        var byPath = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(environment.Name("nopath"), Path.Combine(environment.RepositoriesRoot, "does-not-exist")));
        Assert.Equal(ErrorCodes.RepositoryUnavailable, byPath.Code);
        Assert.Contains("does-not-exist", byPath.Message, StringComparison.Ordinal);

        var overGit = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(environment.Name("nogit"), environment.GitUrl("no-such-repo")));
        Assert.Equal(ErrorCodes.RepositoryUnavailable, overGit.Code);
        Assert.Contains(environment.GitUrl("no-such-repo"), overGit.Message, StringComparison.Ordinal);

        // No container was made: nothing is left, and the same request can be sent again.
        await sandbox.AssertNothingLeftAsync(environment.Name("nopath"));
        await sandbox.AssertNothingLeftAsync(environment.Name("nogit"));
    }

    [Fact]
    public async Task AMissingBranchIsRepositoryUnavailableNamingTheBranch()
    {
        environment.Repository("branches", Configs.Files(Configs.Image()));
        using var sandbox = new Sandbox();
        var id = environment.Name("nobranch");

        var error = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(id, environment.GitUrl("branches"), "no-such-branch"));

        Assert.Equal(ErrorCodes.RepositoryUnavailable, error.Code);
        Assert.Contains("'no-such-branch' does not exist", error.Message, StringComparison.Ordinal);
        await sandbox.AssertNothingLeftAsync(id);
    }

    [Fact]
    public async Task AnInvalidDevcontainerJsonIsDevcontainerInvalidWithItsPositionAndNoContainerIsMade()
    {
        var repo = environment.Repository("invalid", Configs.Files("{\n  \"image\": \"x\",\n  \"runArgs\": \"--init\"\n}\n"));
        using var sandbox = new Sandbox();
        var id = environment.Name("invalid");

        var error = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(id, repo));

        Assert.Equal(ErrorCodes.DevcontainerInvalid, error.Code);
        var diagnostic = Assert.Single(error.Details.Diagnostics!);
        Assert.Equal(3, diagnostic.Line);
        Assert.Equal(".devcontainer/devcontainer.json", diagnostic.File);
        Assert.Equal("error", diagnostic.Severity);
        Assert.Contains(sandbox.Events, e => e.Id == id && e.Event.Type == EventTypes.FetchDevcontainerFailed);
        Assert.DoesNotContain(sandbox.Events, e => e.Id == id && e.Event.Type == EventTypes.AgentGitspaceCreationStart);
        await sandbox.AssertNothingLeftAsync(id);
    }

    [Fact]
    public async Task AnImageNoRegistryServesIsAnErrorNamingTheImage()
    {
        var repo = environment.Repository("missing-image", Configs.Files("""{ "image": "gitspaces-test-missing/nothing-here:1" }"""));
        using var sandbox = new Sandbox();
        var id = environment.Name("noimage");

        var error = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(id, repo));

        Assert.Equal(ErrorCodes.OperationFailed, error.Code);
        Assert.Equal("image_pull", error.Details.Step);
        Assert.Contains("'gitspaces-test-missing/nothing-here:1'", error.Message, StringComparison.Ordinal);
        await sandbox.AssertNothingLeftAsync(id);
    }

    [Fact]
    public async Task AFailingDockerfileStepIsAnErrorCarryingThatStepsLog()
    {
        var repo = environment.Repository("bad-dockerfile", Configs.Files(
            """{ "build": { "dockerfile": "Dockerfile" } }""",
            (".devcontainer/Dockerfile", $"FROM {DockerEnvironment.BaseImage}\nRUN echo first-step-ok\nRUN echo boom-marker && exit 7\n")));
        using var sandbox = new Sandbox();
        var id = environment.Name("badbuild");

        var error = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(id, repo));

        Assert.Equal(ErrorCodes.OperationFailed, error.Code);
        Assert.Equal("image_build", error.Details.Step);
        Assert.Contains("RUN echo boom-marker && exit 7", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Details.Log!, l => l.Contains("boom-marker", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Details.Log!, l => l.Contains("first-step-ok", StringComparison.Ordinal));
        await sandbox.AssertNothingLeftAsync(id);
        Assert.Empty(DockerCli.Docker("images", "-q", "--filter", "label=dev.gitspaces.id=" + id));
    }

    [Fact]
    public async Task AMissingComposeFileIsInvalidBeforeAnythingRuns()
    {
        var repo = environment.Repository("compose", Configs.Files("""{ "dockerComposeFile": "compose.yml", "service": "app" }"""));
        using var sandbox = new Sandbox();
        var id = environment.Name("compose");

        var error = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(id, repo));

        Assert.Equal(ErrorCodes.DevcontainerInvalid, error.Code);
        Assert.Contains("compose.yml", error.Message, StringComparison.Ordinal);
        await sandbox.AssertNothingLeftAsync(id);
    }

    [Fact]
    public async Task AnEngineThatDoesNotAnswerIsProviderUnavailableAndNothingIsRecorded()
    {
        using var sandbox = new Sandbox(endpoint: "unix:///tmp/gitspaces-no-engine-here.sock");

        var list = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.Provider.ListAsync(CancellationToken.None));
        Assert.Equal(ErrorCodes.ProviderUnavailable, list.Code);
        Assert.Contains("unix:///tmp/gitspaces-no-engine-here.sock", list.Message, StringComparison.Ordinal);
        Assert.NotNull(list.Details.Hint);

        var create = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(environment.Name("noengine"), environment.RepositoriesRoot));
        Assert.Equal(ErrorCodes.ProviderUnavailable, create.Code);
        Assert.False(Directory.Exists(sandbox.Paths.GitspaceDirectoryPath("docker", environment.Name("noengine"))));

        var info = await sandbox.Provider.DescribeAsync(true, CancellationToken.None);
        Assert.False(info.Reachable);
        Assert.Contains("does not answer", info.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndpointThatIsNotAnEngineAddress_IsInvalidParamsOfTheEndpointField()
    {
        using var sandbox = new Sandbox();

        var error = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.Provider.ConfigureAsync(new ConfigureProviderParams { Provider = "docker", Endpoint = "ftp://engine.example" }, CancellationToken.None));

        Assert.Equal(ErrorCodes.InvalidParams, error.Code);
        Assert.Equal("$.endpoint", error.Details.Field);
        Assert.Equal("Invalid Docker host 'ftp://engine.example' ($.endpoint): use unix:///path/to/docker.sock, tcp://host:port or npipe://./pipe/name.", error.Message);
        Assert.False(File.Exists(Path.Combine(sandbox.Paths.ConfigDirectory, "docker.json")));

        // One saved by hand is refused the same way when the provider starts.
        var saved = Assert.Throws<GitspaceException>(() => new Sandbox(endpoint: "ftp://engine.example"));
        Assert.Equal((ErrorCodes.InvalidParams, "$.endpoint"), (saved.Code, saved.Details.Field));
    }

    [Fact]
    public async Task RunArgsOutsideTheAllowListAreRefusedBeforeAContainerIsMade()
    {
        var repo = environment.Repository("runargs", Configs.Files(Configs.Image("\"runArgs\": [\"--volume=/:/host\"],")));
        using var sandbox = new Sandbox();
        var id = environment.Name("runargs");

        var error = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(id, repo));

        Assert.Equal(ErrorCodes.DevcontainerInvalid, error.Code);
        Assert.Contains("--volume=/:/host", error.Message, StringComparison.Ordinal);
        await sandbox.AssertNothingLeftAsync(id);
    }
}
