using System.Text.Json;
using Gitspaces.Core.Errors;
using Gitspaces.Git.Tests.Support;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Git.Tests;

/// <summary>Which login a clone offers a smart HTTP server that asks for one, and that no failure shows it.</summary>
[Collection(SharedGitConfiguration.Name)]
public sealed class RepositoryClonerCredentialsTests
{
    [Fact]
    public async Task TheRequestsTokenGoesWithTheHostsUser_AndTheHelperIsNotAsked()
    {
        using var config = GitConfigScope.WithHelper("helper-user", "helper-s3cr3t");
        var source = GitCli.CreateRepository();
        using var server = new HttpGitServer(source, requiredLogin: "x-access-token:request-s3cr3t");

        var clone = await RepositoryCloner.CloneAsync(new CloneRequest(server.Url) { Token = "request-s3cr3t" }, Destination(), null, CancellationToken.None);

        Assert.Equal(GitCli.Run(source, "rev-parse", "HEAD"), clone.Commit);
        Assert.Equal(server.Url, clone.DisplayUrl);
        Assert.Equal(string.Empty, config.Asked);
    }

    [Fact]
    public async Task WithoutATokenTheUsersCredentialHelperGivesTheLogin()
    {
        using var config = GitConfigScope.WithHelper("helper-user", "helper-s3cr3t");
        var source = GitCli.CreateRepository();
        using var server = new HttpGitServer(source, requiredLogin: "helper-user:helper-s3cr3t");

        var clone = await RepositoryCloner.CloneAsync(new CloneRequest(server.Url), Destination(), null, CancellationToken.None);

        Assert.Equal(GitCli.Run(source, "rev-parse", "HEAD"), clone.Commit);
        Assert.Contains($"path={Path.GetFileName(source)}", config.Asked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedLoginIsRepositoryUnavailableAndShowsNeitherTokenNorHelperPassword()
    {
        using var config = GitConfigScope.WithHelper("helper-user", "helper-s3cr3t");
        var source = GitCli.CreateRepository();
        using var server = new HttpGitServer(source, requiredLogin: "someone:else");
        var observer = new RecordingObserver();

        var withToken = await Assert.ThrowsAsync<GitspaceException>(() => RepositoryCloner.CloneAsync(new CloneRequest(server.Url) { Token = "request-s3cr3t" }, Destination(), observer, CancellationToken.None));
        var withHelper = await Assert.ThrowsAsync<GitspaceException>(() => RepositoryCloner.CloneAsync(new CloneRequest(server.Url), Destination(), observer, CancellationToken.None));

        Assert.Contains("x-access-token:request-s3cr3t", server.Logins);
        Assert.Contains("helper-user:helper-s3cr3t", server.Logins);
        foreach (var error in new[] { withToken, withHelper })
        {
            Assert.Equal(ErrorCodes.RepositoryUnavailable, error.Code);
            Assert.StartsWith($"Could not clone {server.Url}: ", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cr3t", error.ToString() + JsonSerializer.Serialize(error.Details, GitspacesJsonContext.Default.ErrorData) + observer.Everything(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("gitlab.com", "oauth2")]
    [InlineData("gitlab.example.org", "oauth2")]
    [InlineData("bitbucket.org", "x-token-auth")]
    [InlineData("github.com", "x-access-token")]
    [InlineData("", "x-access-token")]
    public void EachForgeGetsTheTokenUserItExpects(string host, string user) =>
        Assert.Equal(user, RepositoryCloner.TokenUser(host));

    private static string Destination() => Path.Combine(TempDirectory.Create("git-clones"), "repo");
}
