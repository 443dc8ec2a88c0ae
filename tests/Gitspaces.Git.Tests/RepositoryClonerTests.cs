using System.Text.Json;
using Gitspaces.Core.Errors;
using Gitspaces.Git.Tests.Support;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Git.Tests;

/// <summary>Clones of repositories made with the git CLI, and the failures a user can meet.</summary>
public sealed class RepositoryClonerTests
{
    [Fact]
    public async Task AFileUrlIsClonedAtItsDefaultBranch_AndTheSummaryNamesTheCommit()
    {
        var source = GitCli.CreateRepository("feature");
        var url = new Uri(source).AbsoluteUri;
        var destination = Destination();
        var observer = new RecordingObserver();

        var clone = await RepositoryCloner.CloneAsync(new CloneRequest(url), destination, observer, CancellationToken.None);

        var head = GitCli.Run(source, "rev-parse", "main");
        Assert.Equal(new ClonedRepository(destination, url, "main", head), clone);
        Assert.Equal("first\nsecond\n", File.ReadAllText(Path.Combine(destination, "README.md")).ReplaceLineEndings("\n"));
        Assert.False(File.Exists(Path.Combine(destination, "feature.txt")));
        Assert.Equal(2, int.Parse(GitCli.Run(destination, "rev-list", "--count", "HEAD"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(("system", $"Cloned {url} at main {head[..12]}: Second commit"), observer.Lines);
        Assert.All(observer.Progresses, p => Assert.StartsWith($"Cloning {url}: ", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALocalPathIsClonedAndShownAsGiven()
    {
        var source = GitCli.CreateRepository();

        var clone = await RepositoryCloner.CloneAsync(new CloneRequest(source), Destination(), null, CancellationToken.None);

        Assert.Equal(source, clone.DisplayUrl);
        Assert.Equal(GitCli.Run(source, "rev-parse", "HEAD"), clone.Commit);
    }

    [Fact]
    public async Task TheNamedBranchIsCheckedOut()
    {
        var source = GitCli.CreateRepository("feature", "other");

        var clone = await RepositoryCloner.CloneAsync(new CloneRequest(new Uri(source).AbsoluteUri) { Branch = "feature" }, Destination(), null, CancellationToken.None);

        Assert.Equal("feature", clone.Branch);
        Assert.Equal(GitCli.Run(source, "rev-parse", "feature"), clone.Commit);
        Assert.True(File.Exists(Path.Combine(clone.Folder, "feature.txt")));
        Assert.False(File.Exists(Path.Combine(clone.Folder, "other.txt")));
    }

    [Fact]
    public async Task ARequestMadeFromTheProtocolTakesTheRefWhenThereIsNoBranch()
    {
        var source = GitCli.CreateRepository("feature");

        var clone = await RepositoryCloner.CloneAsync(CloneRequest.From(new RepositorySource { Url = new Uri(source).AbsoluteUri, Ref = "feature" }), Destination(), null, CancellationToken.None);

        Assert.Equal("feature", clone.Branch);
    }

    [Fact]
    public async Task ADepthOfOneFetchesOneCommitOverHttp()
    {
        var source = GitCli.CreateRepository();
        using var server = new HttpGitServer(source);

        var clone = await RepositoryCloner.CloneAsync(new CloneRequest(server.Url) { Depth = 1 }, Destination(), null, CancellationToken.None);

        Assert.Equal("1", GitCli.Run(clone.Folder, "rev-list", "--count", "HEAD"));
        Assert.Equal(GitCli.Run(source, "rev-parse", "HEAD"), clone.Commit);
    }

    [Fact]
    public async Task ADepthIsIgnoredWhereLibgit2CannotCloneShallow_OnThisMachineAndOverTheGitProtocol()
    {
        var source = GitCli.CreateRepository();
        using var daemon = new GitDaemon(Path.GetDirectoryName(source)!);

        foreach (var url in new[] { source, new Uri(source).AbsoluteUri, daemon.UrlOf(Path.GetFileName(source)) })
        {
            var clone = await RepositoryCloner.CloneAsync(new CloneRequest(url) { Depth = 1 }, Destination(), null, CancellationToken.None);

            Assert.Equal("2", GitCli.Run(clone.Folder, "rev-list", "--count", "HEAD"));
        }
    }

    [Fact]
    public async Task AMissingBranchIsRepositoryUnavailableNamingTheBranch_AndLeavesNoFolder()
    {
        var source = GitCli.CreateRepository();
        var url = new Uri(source).AbsoluteUri;
        var destination = Destination();

        var error = await Assert.ThrowsAsync<GitspaceException>(() => RepositoryCloner.CloneAsync(new CloneRequest(url) { Branch = "no-such-branch" }, destination, null, CancellationToken.None));

        Assert.Equal(ErrorCodes.RepositoryUnavailable, error.Code);
        Assert.Equal($"The branch 'no-such-branch' does not exist in {url}.", error.Message);
        Assert.Equal("clone", error.Details.Step);
        Assert.StartsWith("Pick an existing branch", error.Details.Hint, StringComparison.Ordinal);
        Assert.False(Directory.Exists(destination));
    }

    [Fact]
    public async Task AFolderThatIsNoRepositoryIsRepositoryUnavailable()
    {
        var error = await Assert.ThrowsAsync<GitspaceException>(() => RepositoryCloner.CloneAsync(new CloneRequest(TempDirectory.Create("not-a-repo")), Destination(), null, CancellationToken.None));

        Assert.Equal(ErrorCodes.RepositoryUnavailable, error.Code);
        Assert.StartsWith("Could not clone ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADestinationHoldingReadOnlyFilesIsReplaced()
    {
        var source = GitCli.CreateRepository();
        var destination = Destination();
        Directory.CreateDirectory(Path.Combine(destination, "objects"));
        var stale = Path.Combine(destination, "objects", "pack.idx");
        File.WriteAllText(stale, "from an earlier clone");
        File.SetAttributes(stale, FileAttributes.ReadOnly);

        var clone = await RepositoryCloner.CloneAsync(new CloneRequest(source), destination, null, CancellationToken.None);

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(Path.Combine(clone.Folder, "README.md")));
    }

    [Fact]
    public async Task ACloneFromAServerThatNeverAnswersEndsWhenCancelled_AndItsFolderGoesWhenLibgit2GivesUp()
    {
        var destination = Destination();
        Task<ClonedRepository> clone;
        using (var silent = new SilentServer())
        {
            using var cancellation = new CancellationTokenSource();
            clone = RepositoryCloner.CloneAsync(new CloneRequest(silent.Url), destination, null, cancellation.Token);
            await silent.Connected.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.False(clone.IsCompleted);

            await cancellation.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => clone.WaitAsync(TimeSpan.FromSeconds(5)));
        }

        // The server hung up: the abandoned libgit2 clone fails, and its folder is removed after it.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Directory.Exists(destination) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.False(Directory.Exists(destination));
    }

    public static TheoryData<string> SecretsInTheUrl => new()
    {
        { "user:s3cr3t-token@" },
        { "x-access-token:s3cr3t%2Ftoken@" },
        { "ghp_s3cr3t0token0only0in0the0user0part@" },
    };

    [Theory]
    [MemberData(nameof(SecretsInTheUrl))]
    public async Task AFailingCloneOfAUrlWithCredentialsKeepsTheSecretOutOfTheErrorAndTheReports(string userInfo)
    {
        var url = $"https://{userInfo}127.0.0.1:{LoopbackPort.Unused()}/x.git";
        var observer = new RecordingObserver();

        var error = await Assert.ThrowsAsync<GitspaceException>(() => RepositoryCloner.CloneAsync(new CloneRequest(url) { Token = "s3cr3t-request-token" }, Destination(), observer, CancellationToken.None));

        Assert.Equal(ErrorCodes.RepositoryUnavailable, error.Code);
        Assert.StartsWith($"Could not clone {RepositoryUrl.WithoutCredentials(url)}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", error.Message, StringComparison.Ordinal);
        var everything = string.Join('\n', error.ToString(), JsonSerializer.Serialize(error.Details, GitspacesJsonContext.Default.ErrorData), observer.Everything());
        Assert.DoesNotContain("s3cr3t", everything, StringComparison.Ordinal);
    }

    private static string Destination() => Path.Combine(TempDirectory.Create("git-clones"), "repo");
}
