using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

/// <summary><c>up</c> of a folder on this machine: the root of a repository, a folder inside one, a folder in none.</summary>
[Collection(DockerTests.Name)]
public sealed class LocalFolderTests(DockerEnvironment environment)
{
    private const string StampFeature = """{ "id": "stamp", "version": "1.0.0", "name": "Stamp" }""";

    [Fact]
    public async Task AFolderInsideARepositoryIsTheWorkspace_WithItsOwnConfigurationLocalFeaturesAndTheRepositoryAround_RebuildReadsTheUsersFolder()
    {
        var repo = environment.Repository("mono", new Dictionary<string, string>
        {
            ["README.md"] = "the monorepo\n",
            [Configs.Path] = Configs.Image("""
                "containerEnv": { "WHICH": "root" },
                """),
            ["services/api/main.txt"] = "api\n",
            ["services/api/.devcontainer/devcontainer.json"] = Configs.Image("""
                "containerEnv": { "WHICH": "api" },
                "features": { "./stamp": {} },
                "postCreateCommand": "pwd > /tmp/pwd",
                """),
            ["services/api/.devcontainer/stamp/devcontainer-feature.json"] = StampFeature,
            ["services/api/.devcontainer/stamp/install.sh"] = "#!/bin/sh\necho stamped > /stamp\n",
        });
        using var sandbox = new Sandbox();
        var id = environment.Name("sub");
        var container = "gitspace-" + id;

        var created = await sandbox.CreateAsync(id, Path.Combine(repo, "services", "api"));
        await sandbox.Provider.DrainAsync(id);

        // The folder's own configuration, its place under the repository as the workspace, the whole repository there.
        Assert.Equal("/workspaces/mono/services/api", created.WorkspaceFolder);
        Assert.Equal(repo, created.Repository.Url);
        Assert.Equal("api", DockerCli.Docker("exec", container, "printenv", "WHICH"));
        Assert.Equal("/workspaces/mono/services/api", DockerCli.Docker("exec", container, "cat", "/tmp/pwd"));
        Assert.Equal("the monorepo", DockerCli.Docker("exec", container, "cat", "/workspaces/mono/README.md"));
        Assert.Equal("stamped", DockerCli.Docker("exec", container, "cat", "/stamp"));
        Assert.Equal("services/api", DockerCli.Docker("inspect", "-f", "{{index .Config.Labels \"dev.gitspaces.subfolder\"}}", container));
        Assert.Equal("services/api/.devcontainer/devcontainer.json", DockerCli.Docker("inspect", "-f", "{{index .Config.Labels \"dev.gitspaces.config\"}}", container));

        // Rebuild reads the user's folder as it is now (not committed yet), local Feature and all: the Feature is found
        // relative to the folder the configuration was read from, not the clone.
        var config = Path.Combine(repo, "services", "api", ".devcontainer", "devcontainer.json");
        await File.WriteAllTextAsync(config, (await File.ReadAllTextAsync(config)).Replace("\"api\"", "\"api-2\"", StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(repo, "services", "api", ".devcontainer", "stamp", "install.sh"), "#!/bin/sh\necho stamped-again > /stamp\n");

        var rebuilt = await sandbox.Service.RebuildAsync(id, null, CancellationToken.None);
        await sandbox.Provider.DrainAsync(id);

        Assert.Equal(GitspaceState.Running, rebuilt.State);
        Assert.Equal("/workspaces/mono/services/api", rebuilt.WorkspaceFolder);
        Assert.Equal("api-2", DockerCli.Docker("exec", container, "printenv", "WHICH"));
        Assert.Equal("stamped-again", DockerCli.Docker("exec", container, "cat", "/stamp"));
        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
    }

    [Fact]
    public async Task ConfigIsRelativeToTheFolderGiven_AndAFolderWithoutAConfigurationSaysWhereItLooked()
    {
        var repo = environment.Repository("mono-config", new Dictionary<string, string>
        {
            ["README.md"] = "the monorepo\n",
            ["web/.devcontainer/node/devcontainer.json"] = Configs.Image("""
                "containerEnv": { "WHICH": "web-node" },
                """),
            ["docs/index.md"] = "docs\n",
        });
        using var sandbox = new Sandbox();
        var id = environment.Name("subcfg");
        var missing = environment.Name("subnone");

        var created = await sandbox.Service.CreateAsync(new CreateGitspaceParams { Name = id, Repository = new RepositorySource { Path = Path.Combine(repo, "web") }, DevcontainerPath = ".devcontainer/node/devcontainer.json" }, null, CancellationToken.None);
        var error = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(missing, Path.Combine(repo, "docs")));

        Assert.Equal("web-node", DockerCli.Docker("exec", "gitspace-" + id, "printenv", "WHICH"));
        Assert.Equal("/workspaces/mono-config/web", created.WorkspaceFolder);
        Assert.Equal(ErrorCodes.DevcontainerInvalid, error.Code);
        Assert.Contains("docs/.devcontainer/devcontainer.json", error.Message, StringComparison.Ordinal);
        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
        await sandbox.AssertNothingLeftAsync(missing);
    }

    [Fact]
    public async Task AFolderInNoRepositoryIsCopiedAsItIs()
    {
        var folder = TempDirectory.Create("plain-project");
        Directory.CreateDirectory(Path.Combine(folder, ".devcontainer"));
        await File.WriteAllTextAsync(Path.Combine(folder, Configs.Path), Configs.Image("""
            "postCreateCommand": "cat notes.txt > /tmp/seen",
            """));
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "not in git\n");
        File.CreateSymbolicLink(Path.Combine(folder, "link-to-notes"), "notes.txt");
        using var sandbox = new Sandbox();
        var id = environment.Name("plain");
        var container = "gitspace-" + id;
        var name = Path.GetFileName(folder);

        var created = await sandbox.CreateAsync(id, folder);
        await sandbox.Provider.DrainAsync(id);

        Assert.Equal(GitspaceState.Running, created.State);
        Assert.Equal($"/workspaces/{name}", created.WorkspaceFolder);
        Assert.Equal("not in git", DockerCli.Docker("exec", container, "cat", "/tmp/seen"));
        Assert.Equal("notes.txt", DockerCli.Docker("exec", container, "readlink", $"/workspaces/{name}/link-to-notes"));
        Assert.Contains(await sandbox.Service.GetEventsAsync(id, CancellationToken.None), e => e.Message == $"Copied {folder}");
        Assert.Contains(sandbox.LogText(id), l => l.StartsWith($"Copied {folder}: 2 files", StringComparison.Ordinal));
        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
        await sandbox.AssertNothingLeftAsync(id);
    }
}
