using Gitspaces.Core.Errors;
using Gitspaces.Core.Settings;
using Gitspaces.Core.State;
using Gitspaces.Core.Tests.Fakes;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Core.Tests;

/// <summary>Dotfiles, secrets and auto-stop through the service (issue #18): defaults from the user's settings, capabilities, scopes.</summary>
public sealed class GitspaceServicePersonalizationTests
{
    private readonly StatePaths paths = NewPaths();

    [Fact]
    public async Task Create_takes_the_users_settings_unless_the_request_says_otherwise_and_hands_over_the_secrets_in_scope()
    {
        File.WriteAllText(UserSettings.FilePath(this.paths), """{ "dotfiles.repository": "me/dots", "autoStop": "30m" }""");
        var provider = new PersonalProvider();
        var service = new GitspaceService([provider], this.paths);
        service.SetSecret(new SetSecretParams { Name = "EVERYWHERE", Value = "e" });
        service.SetSecret(new SetSecretParams { Name = "ORG_ONLY", Value = "o", Scope = "example.test/org/*" });

        await service.CreateAsync(Create("https://example.test/org/app.git"), null, CancellationToken.None);
        await service.CreateAsync(Create("https://example.test/other/app.git") with { Name = "b", AutoStopSeconds = 0, Dotfiles = new DotfilesSource { Repository = "" } }, null, CancellationToken.None);

        var (first, second) = (provider.Creates.First(), provider.Creates.Last());
        Assert.Equal("me/dots", first.Dotfiles?.Repository);
        Assert.Equal(1800, first.AutoStopSeconds);
        Assert.Null(second.Dotfiles);
        Assert.Equal(0, second.AutoStopSeconds);
        Assert.Equal(["EVERYWHERE", "ORG_ONLY"], provider.Secrets.First().Keys);
        Assert.Equal(["EVERYWHERE"], provider.Secrets.Last().Keys);
        Assert.Equal(["EVERYWHERE", "ORG_ONLY"], service.ListSecrets().Select(s => s.Name));
    }

    [Fact]
    public async Task Without_settings_the_timeout_is_an_hour_and_update_changes_it()
    {
        var provider = new PersonalProvider();
        var service = new GitspaceService([provider], this.paths);

        var created = await service.CreateAsync(Create("https://example.test/org/app.git"), null, CancellationToken.None);
        var updated = await service.UpdateAsync(new UpdateGitspaceParams { Id = created.Id, AutoStopSeconds = 90 }, null, CancellationToken.None);

        Assert.Equal(IdleTimeout.DefaultSeconds, provider.Creates.Single().AutoStopSeconds);
        Assert.Equal((created.Id, 90), provider.AutoStops.Single());
        Assert.Equal(90, updated.AutoStopSeconds);
    }

    [Fact]
    public async Task A_provider_without_them_refuses_dotfiles_and_a_timeout_it_was_asked_for_but_ignores_the_settings()
    {
        File.WriteAllText(UserSettings.FilePath(this.paths), """{ "dotfiles.repository": "me/dots", "autoStop": "30m" }""");
        var plain = new FakeProvider();
        var service = new GitspaceService([plain], this.paths);

        var dotfiles = await Assert.ThrowsAsync<GitspaceException>(() => service.CreateAsync(Create("https://example.test/a.git") with { Dotfiles = new DotfilesSource { Repository = "me/dots" } }, null, CancellationToken.None));
        var autoStop = await Assert.ThrowsAsync<GitspaceException>(() => service.CreateAsync(Create("https://example.test/a.git") with { AutoStopSeconds = 60 }, null, CancellationToken.None));
        var created = await service.CreateAsync(Create("https://example.test/a.git"), null, CancellationToken.None);
        var update = await Assert.ThrowsAsync<GitspaceException>(() => service.UpdateAsync(new UpdateGitspaceParams { Id = created.Id, AutoStopSeconds = 60 }, null, CancellationToken.None));

        Assert.Equal(ErrorCodes.NotSupported, dotfiles.Code);
        Assert.Equal(ErrorCodes.NotSupported, autoStop.Code);
        Assert.Equal(ErrorCodes.NotSupported, update.Code);
        Assert.Equal(GitspaceState.Running, created.State);
    }

    private static CreateGitspaceParams Create(string url) => new() { Repository = new RepositorySource { Url = url } };

    private static StatePaths NewPaths()
    {
        var root = TempDirectory.Create("personal-service");
        var paths = new StatePaths(Path.Combine(root, "data"), Path.Combine(root, "config"));
        paths.EnsurePrivateRoots();
        return paths;
    }
}
