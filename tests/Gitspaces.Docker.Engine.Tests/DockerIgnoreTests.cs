namespace Gitspaces.Docker.Engine.Tests;

public sealed class DockerIgnoreTests
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
}
