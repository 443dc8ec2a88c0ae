using Gitspaces.Core.State;
using Gitspaces.Core.Trust;
using Gitspaces.TestSupport;

namespace Gitspaces.Core.Tests.Trust;

public sealed class RepositoryTrustPolicyTests
{
    private static readonly HostAccess Command = new() { Kind = HostAccessKinds.HostCommand, Property = "$.initializeCommand", Detail = "make init" };
    private static readonly HostAccess Mount = new() { Kind = HostAccessKinds.HostMount, Property = "$.mounts[0]", Detail = "/home/me/.aws" };

    [Fact]
    public async Task A_local_folder_is_the_users_own_code_and_gets_everything()
    {
        var answer = await new RepositoryTrustPolicy().DecideAsync(Request(isLocal: true, Command, Mount), CancellationToken.None);

        Assert.True(answer.AllGranted);
        Assert.Equal([Command, Mount], answer.Granted);
    }

    [Fact]
    public async Task A_clone_from_a_url_is_untrusted_until_the_user_trusts_it_and_the_decision_is_remembered_until_revoked()
    {
        var store = new TrustStore(Paths());
        var policy = new RepositoryTrustPolicy(store);

        var untrusted = await policy.DecideAsync(Request(isLocal: false, Command, Mount), CancellationToken.None);
        Assert.Empty(untrusted.Granted);
        Assert.Equal([Command, Mount], untrusted.Refused);

        var consented = await policy.DecideAsync(Request(isLocal: false, Command, Mount) with { Consent = true }, CancellationToken.None);
        Assert.True(consented.AllGranted);

        // The same repository however it is written: credentials, case of the host, ".git".
        var remembered = await policy.DecideAsync(Request(isLocal: false, Mount) with { Repository = "https://user:token@Example.TEST/app/" }, CancellationToken.None);
        Assert.True(remembered.AllGranted);
        Assert.Equal(["https://example.test/app"], store.List().Select(e => e.Key));

        Assert.True(store.Revoke("https://example.test/app.git"));
        Assert.False((await policy.DecideAsync(Request(isLocal: false, Mount), CancellationToken.None)).AllGranted);
    }

    [Fact]
    public async Task Consent_without_a_store_holds_for_that_request_only()
    {
        var policy = new RepositoryTrustPolicy();

        Assert.True((await policy.DecideAsync(Request(isLocal: false, Command) with { Consent = true }, CancellationToken.None)).AllGranted);
        Assert.False((await policy.DecideAsync(Request(isLocal: false, Command), CancellationToken.None)).AllGranted);
    }

    [Theory]
    [InlineData("https://github.com/org/repo.git", "https://github.com/org/repo")]
    [InlineData("HTTPS://x-access-token:secret@GitHub.com/org/repo/", "https://github.com/org/repo")]
    [InlineData("http://127.0.0.1:8080/org/repo.git", "http://127.0.0.1:8080/org/repo")]
    [InlineData("git@github.com:org/repo.git", "github.com:org/repo")]
    [InlineData("ssh://git@GitHub.com/org/repo.git", "ssh://github.com/org/repo")]
    [InlineData("file:///srv/repos/evil.git", "file:///srv/repos/evil")]
    public void A_repository_is_trusted_by_its_url_without_credentials(string given, string key) => Assert.Equal(key, TrustStore.KeyOf(given));

    [Fact]
    public void The_store_is_readable_by_its_owner_only()
    {
        var paths = Paths();
        new TrustStore(paths).Trust("https://example.test/app.git");

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(paths.ConfigDirectory, "trust.json")));
        }
    }

    [Fact]
    public async Task A_request_that_asks_for_nothing_is_granted()
    {
        var answer = await new RepositoryTrustPolicy().DecideAsync(Request(isLocal: false), CancellationToken.None);

        Assert.True(answer.AllGranted);
        Assert.Empty(answer.Granted);
    }

    private static StatePaths Paths()
    {
        var root = TempDirectory.Create("trust-store");
        return new StatePaths(Path.Combine(root, "data"), Path.Combine(root, "config"));
    }

    private static TrustRequest Request(bool isLocal, params HostAccess[] accesses) =>
        new() { GitspaceId = "g", Repository = isLocal ? "/home/me/src/app" : "https://example.test/app.git", IsLocalFolder = isLocal, Accesses = accesses };
}
