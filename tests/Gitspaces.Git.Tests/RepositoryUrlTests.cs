namespace Gitspaces.Git.Tests;

public sealed class RepositoryUrlTests
{
    [Theory]
    [InlineData("https://github.com/org/repo.git", "https://github.com/org/repo.git")]
    [InlineData("https://user:s3cr3t@github.com/org/repo.git", "https://github.com/org/repo.git")]
    [InlineData("https://x-access-token:s3cr3t@127.0.0.1:8080/x.git", "https://127.0.0.1:8080/x.git")]
    [InlineData("https://ghp_0123456789abcdefghijklmnopqrstuvwxyz@github.com/org/repo.git", "https://github.com/org/repo.git")]
    [InlineData("ssh://git@github.com/org/repo.git", "ssh://git@github.com/org/repo.git")]
    [InlineData("https://alice@bitbucket.org/org/repo.git", "https://alice@bitbucket.org/org/repo.git")]
    [InlineData("git@github.com:org/repo.git", "git@github.com:org/repo.git")]
    [InlineData("file:///srv/git/repo", "file:///srv/git/repo")]
    [InlineData("../repo", "../repo")]
    public void CredentialsAreLeftOutAndALoneUserNameStays(string source, string display) =>
        Assert.Equal(display, RepositoryUrl.WithoutCredentials(source));

    [Fact]
    public void RedactingReplacesTheQuotedUrlAndEverySecret()
    {
        const string url = "https://user:p%40ss@example.com/x.git";

        var text = RepositoryUrl.Redact($"cannot reach {url}; password p@ss or p%40ss; token tok-123", url, "tok-123");

        Assert.Equal("cannot reach https://example.com/x.git; password *** or ***; token ***", text);
    }

    [Fact]
    public void RedactingATokenInTheUserPart()
    {
        const string token = "glpat-0123456789abcdefghij";

        Assert.Equal("user *** refused", RepositoryUrl.Redact($"user {token} refused", $"https://{token}@gitlab.com/x.git", null));
    }

    [Fact]
    public void RedactingLeavesAUrlWithoutCredentialsAlone() =>
        Assert.Equal("no route to https://example.com/x.git", RepositoryUrl.Redact("no route to https://example.com/x.git", "https://example.com/x.git", null));
}
