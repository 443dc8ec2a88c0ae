using Gitspaces.Git.Tests.Support;

namespace Gitspaces.Git.Tests;

/// <summary>The real <c>git credential fill</c>, with a helper script of the test's own as the user's helper.</summary>
[Collection(SharedGitConfiguration.Name)]
public sealed class GitCredentialHelperTests
{
    [Fact]
    public void TheUsersHelperIsAskedForTheUrlsHostAndPath_WithoutThePasswordInTheUrl()
    {
        using var config = GitConfigScope.WithHelper("helper-user", "helper-s3cr3t");

        var login = GitCredentialHelper.Fill(new Uri("https://alice:url-s3cr3t@example.com:8443/org/repo.git"));

        Assert.Equal(new GitLogin("helper-user", "helper-s3cr3t"), login);
        var asked = config.Asked;
        Assert.Contains("protocol=https\n", asked, StringComparison.Ordinal);
        Assert.Contains("host=example.com:8443\n", asked, StringComparison.Ordinal);
        Assert.Contains("path=org/repo.git\n", asked, StringComparison.Ordinal);
        Assert.Contains("username=alice\n", asked, StringComparison.Ordinal);
        Assert.DoesNotContain("url-s3cr3t", asked, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAHelperGitHasNoLoginAndAsksNobody()
    {
        using var config = new GitConfigScope(string.Empty);

        Assert.Null(GitCredentialHelper.Fill(new Uri("https://example.com/org/repo.git")));
    }

    [Fact]
    public void ALoginNeverPrintsItsPassword() =>
        Assert.Equal("helper-user:***", new GitLogin("helper-user", "helper-s3cr3t").ToString());

    [Theory]
    [InlineData("protocol=https\nhost=example.com\nusername=u\npassword=p\n", "u", "p")]
    [InlineData("username=u\r\npassword=p=q\r\n", "u", "p=q")]
    public void TheAnswerIsRead(string answer, string user, string password) =>
        Assert.Equal(new GitLogin(user, password), GitCredentialHelper.Parse(answer));

    [Theory]
    [InlineData("")]
    [InlineData("username=u\n")]
    [InlineData("password=p\n")]
    public void AnAnswerWithoutUserOrPasswordIsNoLogin(string answer) =>
        Assert.Null(GitCredentialHelper.Parse(answer));

    [Fact]
    public void TheRequestEndsWithABlankLineAndOmitsTheDefaultPort() =>
        Assert.Equal("protocol=https\nhost=example.com\npath=org/repo.git\n\n", GitCredentialHelper.Request(new Uri("https://example.com:443/org/repo.git")));
}
