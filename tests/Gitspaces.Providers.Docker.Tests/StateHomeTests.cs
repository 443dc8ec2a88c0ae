using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

/// <summary>Several state homes (<c>GITSPACES_HOME</c>s) on one engine: each sees its own gitspaces unless it asks for all.</summary>
[Collection(DockerTests.Name)]
public sealed class StateHomeTests(DockerEnvironment environment)
{
    [Fact]
    public async Task List_shows_a_home_the_gitspaces_it_made_and_every_homes_only_when_asked()
    {
        var repo = environment.Repository("homes", Configs.Files(Configs.Image()));
        using var first = new Sandbox();
        using var second = new Sandbox();
        var id = environment.Name("homes");
        await first.CreateAsync(id, repo);
        try
        {
            var mine = await first.Service.ListMatchingAsync(new ListGitspacesParams { Provider = "docker" }, CancellationToken.None);
            var others = await second.Service.ListMatchingAsync(new ListGitspacesParams { Provider = "docker" }, CancellationToken.None);
            var all = await second.Service.ListMatchingAsync(new ListGitspacesParams { Provider = "docker", Owner = GitspaceOwner.All }, CancellationToken.None);

            Assert.Contains(mine.Gitspaces, g => g.Id == id);
            Assert.DoesNotContain(others.Gitspaces, g => g.Id == id);
            Assert.Contains(all.Gitspaces, g => g.Id == id);

            // The owner is a random id kept in the home: the label names no path and no user.
            var owner = DockerCli.Docker("inspect", "-f", "{{index .Config.Labels \"dev.gitspaces.home\"}}", "gitspace-" + id);
            Assert.Matches("^[0-9a-f]{32}$", owner);
            Assert.Equal(owner, DockerCli.Docker("volume", "inspect", "-f", "{{index .Labels \"dev.gitspaces.home\"}}", $"gitspace-{id}-workspace"));
            Assert.DoesNotContain(owner, first.Home, StringComparison.Ordinal);
        }
        finally
        {
            await first.Service.DeleteAsync(id, null, CancellationToken.None);
        }
    }
}
