namespace Gitspaces.Providers.Docker.Tests;

[Collection(DockerTests.Name)]
public sealed class DockerIgnoreTests(DockerEnvironment environment)
{
    [Theory]
    [InlineData("secret.txt", true)]
    [InlineData("sub/secret.txt", false)]
    [InlineData("logs/a.log", true)]
    [InlineData("deep/er/b.log", true)]
    [InlineData("keep.log", false)]
    [InlineData("build/out.bin", true)]
    [InlineData("src/build/out.bin", false)]
    [InlineData("node_modules/x/index.js", true)]
    [InlineData("node_modules/keep-me/index.js", false)]
    [InlineData("docs/a.md", true)]
    [InlineData("docs/readme.md", false)]
    [InlineData("tmp1", true)]
    [InlineData("tmp12", false)]
    [InlineData("Dockerfile", false)]
    public void PatternsFollowDockersRules(string path, bool excluded)
    {
        var rules = DockerIgnore.Parse("""
            # a comment
            secret.txt
            **/*.log
            !keep.log
            /build/
            ./node_modules
            !node_modules/keep-me
            docs/*.md
            !docs/[r]eadme.md
            tmp?

            """);

        Assert.Equal(excluded, rules.IsExcluded(path));
    }

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
