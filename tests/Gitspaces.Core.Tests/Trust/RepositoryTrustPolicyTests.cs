using Gitspaces.Core.Trust;

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
    public async Task A_clone_from_a_url_may_not_run_commands_on_this_machine()
    {
        var answer = await new RepositoryTrustPolicy().DecideAsync(Request(isLocal: false, Command, Mount), CancellationToken.None);

        Assert.False(answer.AllGranted);
        Assert.Equal([Command], answer.Refused);
        Assert.False(answer.IsGranted(Command));
        Assert.True(answer.IsGranted(Mount));
    }

    [Fact]
    public async Task A_request_that_asks_for_nothing_is_granted()
    {
        var answer = await new RepositoryTrustPolicy().DecideAsync(Request(isLocal: false), CancellationToken.None);

        Assert.True(answer.AllGranted);
        Assert.Empty(answer.Granted);
    }

    private static TrustRequest Request(bool isLocal, params HostAccess[] accesses) =>
        new() { GitspaceId = "g", Repository = isLocal ? "/home/me/src/app" : "https://example.test/app.git", IsLocalFolder = isLocal, Accesses = accesses };
}
