using Gitspaces.Core.State;
using Gitspaces.Core.Tests.Fakes;
using Gitspaces.Core.Trust;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Core.Tests.Trust;

/// <summary>A provider asks through its operation context; the service's policy answers.</summary>
public sealed class TrustThroughTheServiceTests
{
    private static readonly HostAccess Command = new() { Kind = HostAccessKinds.HostCommand, Property = "$.initializeCommand", Detail = "make init" };

    [Fact]
    public async Task Without_a_policy_the_service_refuses_an_untrusted_url_and_grants_it_once_the_request_trusts_it()
    {
        var (fake, answers) = Asking(isLocal: false);
        var service = new GitspaceService([fake], Paths());

        await service.CreateAsync(new CreateGitspaceParams { Name = "one", Repository = new RepositorySource { Url = "https://example.test/app.git" } }, null, CancellationToken.None);
        await service.CreateAsync(new CreateGitspaceParams { Name = "two", Repository = new RepositorySource { Url = "https://example.test/app.git" }, TrustRepository = true }, null, CancellationToken.None);

        Assert.Equal([Command], answers[0].Refused);
        Assert.True(answers[1].AllGranted);
    }

    [Fact]
    public async Task Rebuild_carries_the_users_consent_to_the_policy()
    {
        var (fake, _) = Asking(isLocal: false);
        var policy = new RecordingPolicy();
        var service = new GitspaceService([fake], Paths(), policy);
        await service.CreateAsync(new CreateGitspaceParams { Name = "app", Repository = new RepositorySource { Url = "https://example.test/app.git" } }, null, CancellationToken.None);
        fake.During = async (operation, gitspaceId, context) => await context.RequestTrustAsync(new TrustRequest { GitspaceId = gitspaceId, Repository = "r", IsLocalFolder = false, Accesses = [Command] });

        await service.RebuildAsync("app", null, CancellationToken.None, trustRepository: true);

        Assert.Equal([false, true], policy.Asked.Select(r => r.Consent));
    }

    [Fact]
    public async Task The_services_policy_decides_whichever_provider_asks()
    {
        var (first, firstAnswers) = Asking(isLocal: false, id: "first");
        var (second, secondAnswers) = Asking(isLocal: false, id: "second");
        var policy = new RecordingPolicy();
        var service = new GitspaceService([first, second], Paths(), policy);

        await service.CreateAsync(new CreateGitspaceParams { Repository = new RepositorySource { Url = "https://example.test/a.git" }, Provider = "first" }, null, CancellationToken.None);
        await service.CreateAsync(new CreateGitspaceParams { Repository = new RepositorySource { Url = "https://example.test/b.git" }, Provider = "second" }, null, CancellationToken.None);

        Assert.Equal(["a", "b"], policy.Asked.Select(r => r.GitspaceId));
        Assert.True(Assert.Single(firstAnswers).AllGranted);
        Assert.True(Assert.Single(secondAnswers).AllGranted);
    }

    [Fact]
    public async Task A_cancelled_operation_cancels_a_decision_that_waits()
    {
        var (fake, _) = Asking(isLocal: false);
        var policy = new WaitingPolicy();
        var service = new GitspaceService([fake], Paths(), policy);
        using var cancel = new CancellationTokenSource();

        var creating = service.CreateAsync(new CreateGitspaceParams { Repository = new RepositorySource { Url = "https://example.test/app.git" } }, null, cancel.Token);
        await policy.Asked.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => creating);
    }

    private static (FakeProvider Provider, List<TrustAnswer> Answers) Asking(bool isLocal, string id = "fake")
    {
        var answers = new List<TrustAnswer>();
        var fake = new FakeProvider(id);
        fake.During = async (operation, gitspaceId, context) =>
        {
            if (operation == "create")
            {
                answers.Add(await context.RequestTrustAsync(new TrustRequest { GitspaceId = gitspaceId, Repository = "r", IsLocalFolder = isLocal, Accesses = [Command] }));
            }
        };
        return (fake, answers);
    }

    private static StatePaths Paths()
    {
        var root = TempDirectory.Create("trust");
        return new StatePaths(Path.Combine(root, "data"), Path.Combine(root, "config"));
    }

    private sealed class RecordingPolicy : ITrustPolicy
    {
        public List<TrustRequest> Asked { get; } = [];

        public ValueTask<TrustAnswer> DecideAsync(TrustRequest request, CancellationToken cancellationToken)
        {
            this.Asked.Add(request);
            return ValueTask.FromResult(TrustAnswer.GrantAll(request));
        }
    }

    private sealed class WaitingPolicy : ITrustPolicy
    {
        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask<TrustAnswer> DecideAsync(TrustRequest request, CancellationToken cancellationToken)
        {
            this.Asked.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
