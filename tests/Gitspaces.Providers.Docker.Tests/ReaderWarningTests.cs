using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

/// <summary>A devcontainer.json the reader recovers from works, but never silently (issue #13).</summary>
[Collection(DockerTests.Name)]
public sealed class ReaderWarningTests(DockerEnvironment environment)
{
    [Fact]
    public async Task AMissingCommaIsALoggedWarningAndAnEventClientsSee()
    {
        var repo = environment.Repository("warned", Configs.Files($$"""
            {
              "image": "{{DockerEnvironment.BaseImage}}"
              "containerEnv": { "A": "1" }
            }
            """));
        using var sandbox = new Sandbox();
        var id = environment.Name("warned");

        var created = await sandbox.CreateAsync(id, repo);

        Assert.Equal(GitspaceState.Running, created.State);
        var warning = Assert.Single(sandbox.Logs, l => l.Id == id && l.Line.Stream == "stderr" && l.Line.Line.StartsWith("warning: .devcontainer/devcontainer.json(3,", StringComparison.Ordinal));
        Assert.Contains(await sandbox.Service.GetEventsAsync(id, CancellationToken.None), e => e.Type == EventTypes.FetchDevcontainerCompleted && e.Message.Contains("1 warning(s)", StringComparison.Ordinal));
        Assert.Equal("1", DockerCli.Docker("exec", "gitspace-" + id, "printenv", "A"));
        Assert.NotNull(warning.Line);
        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
    }
}
