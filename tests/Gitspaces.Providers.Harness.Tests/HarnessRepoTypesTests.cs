namespace Gitspaces.Providers.Harness.Tests;

public sealed class HarnessRepoTypesTests
{
    private static readonly HarnessConnection Hosted = new() { Endpoint = new Uri("https://app.harness.io"), Flavour = HarnessFlavour.Cde, AccountIdentifier = "acct1", OrgIdentifier = "org1", ProjectIdentifier = "proj1" };
    private static readonly HarnessConnection OpenSource = new() { Endpoint = new Uri("http://gitness.local:3000"), Flavour = HarnessFlavour.Oss, SpacePath = "myspace" };

    [Fact]
    public void Knows_the_nine_values_of_the_real_enum()
    {
        Assert.Equal(["github", "gitlab", "harness_code", "bitbucket", "unknown", "gitness", "gitlab_on_prem", "bitbucket_server", "github_enterprise"], HarnessRepoTypes.All);
        Assert.Equal(["gitness", "unknown"], HarnessRepoTypes.OpenSource);
    }

    [Theory]
    [InlineData("https://github.com/acme/shop.git", "github", null, true)]
    [InlineData("https://gitlab.com/acme/shop.git", "gitlab", null, true)]
    [InlineData("https://bitbucket.org/acme/shop.git", "bitbucket", null, true)]
    [InlineData("https://git.harness.io/acct1/org1/proj1/shop.git", "harness_code", "acct1/org1/proj1/shop", true)]
    [InlineData("https://github.corp.example/team/shop.git", "github_enterprise", null, false)]
    [InlineData("https://gitlab-ce.corp.example/team/shop.git", "gitlab_on_prem", null, false)]
    [InlineData("https://bitbucket.corp.example/scm/team/shop.git", "bitbucket_server", null, false)]
    [InlineData("https://scm.corp.example/team/shop.git", "unknown", null, false)]
    [InlineData("https://notgithub.example/team/shop.git", "unknown", null, false)]
    public void Detects_hosted_types_from_the_host(string url, string type, string? reference, bool certain) =>
        Assert.Equal(new HarnessRepoDetection(type, reference, certain), HarnessRepoTypes.Detect(url, Hosted));

    [Theory]
    [InlineData("http://gitness.local:3000/git/myspace/tools.git", "gitness", "myspace/tools")]
    [InlineData("http://gitness.local:3000/git/myspace/sub/tools.git", "gitness", "myspace/sub/tools")]
    [InlineData("https://github.com/acme/shop.git", "unknown", null)]
    [InlineData("http://gitness.local:4000/git/myspace/tools.git", "unknown", null)]
    public void Detects_the_open_source_servers_own_repositories_and_takes_the_rest_as_generic_git(string url, string type, string? reference) =>
        Assert.Equal(new HarnessRepoDetection(type, reference, Certain: true), HarnessRepoTypes.Detect(url, OpenSource));

    [Fact]
    public void Reads_a_repository_path_from_an_internal_url()
    {
        Assert.Equal("acct1/org1/proj1/app", HarnessRepoTypes.RefFromUrl("https://code.corp.example/acct1/org1/proj1/app.git"));
        Assert.Equal("myspace/tools", HarnessRepoTypes.RefFromUrl("http://gitness.local:3000/git/myspace/tools.git"));
        Assert.Null(HarnessRepoTypes.RefFromUrl("https://code.corp.example/"));
    }
}
