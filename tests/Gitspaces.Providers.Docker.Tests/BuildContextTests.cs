using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

/// <summary>What of the repository reaches an image build: the build context as the Dockerfile's ignore rules leave it.</summary>
[Collection(DockerTests.Name)]
public sealed class BuildContextTests(DockerEnvironment environment)
{
    [Fact]
    public async Task TheBuildContextLeavesOutIgnoredFilesAndADockerfileSpecificIgnoreFileWins()
    {
        var dockerfile = "FROM " + DockerEnvironment.BaseImage + "\nCOPY . /context/\n";
        var repo = environment.Repository("dockerignore", Configs.Files(
            """{ "build": { "dockerfile": "Dockerfile", "context": ".." } }""",
            (".devcontainer/Dockerfile", dockerfile),
            (".devcontainer/Dockerfile.dockerignore", "secret.txt\n**/*.log\n!keep.log\n.git\n"),
            (".dockerignore", "README.md\n"),
            ("secret.txt", "must not reach the build\n"),
            ("nested/debug.log", "x\n"),
            ("keep.log", "kept\n")));
        using var sandbox = new Sandbox();
        var id = environment.Name("dockerignore");

        await sandbox.CreateAsync(id, repo);

        var files = DockerCli.Docker("run", "--rm", "gitspace-" + id + ":latest", "find", "/context", "-not", "-path", "/context/.git*").Split('\n');
        Assert.DoesNotContain("/context/secret.txt", files);
        Assert.DoesNotContain("/context/nested/debug.log", files);
        Assert.Contains("/context/keep.log", files);
        Assert.Contains("/context/nested", files);

        // Only the Dockerfile's own ignore file applies, so README.md (in .dockerignore) is there.
        Assert.Contains("/context/README.md", files);
        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
    }
}
