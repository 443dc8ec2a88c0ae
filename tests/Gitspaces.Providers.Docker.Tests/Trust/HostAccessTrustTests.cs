using Gitspaces.Core.Errors;
using Gitspaces.Core.State;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests.Trust;

/// <summary>A repository cloned from a URL reaches this machine only once the user trusts it (docs/security.md).</summary>
[Collection(DockerTests.Name)]
public sealed class HostAccessTrustTests(DockerEnvironment environment)
{
    [Fact]
    public async Task AnUntrustedUrlAskingForAHostMountAndTheHostsPidsIsRefusedNamingThem_OnceTrustedItGetsThemAndIsRemembered()
    {
        var hostFolder = TempDirectory.Create("host-secret");
        await File.WriteAllTextAsync(Path.Combine(hostFolder, "secret.txt"), "host-only");
        environment.Repository("trust-mount", Configs.Files(Configs.Image($$"""
            "mounts": ["source={{hostFolder}},target=/x,type=bind"],
            "runArgs": ["--pid=host"],
            """)));
        using var sandbox = new Sandbox();
        var id = environment.Name("trustmount");
        var url = environment.GitUrl("trust-mount");

        var refused = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(id, url));

        Assert.Equal(ErrorCodes.RepositoryUntrusted, refused.Code);
        Assert.Equal(url, refused.Details.Repository);
        Assert.Equal(["$.mounts[0]", "$.runArgs[0]"], refused.Details.HostAccess!.Select(a => a.Property));
        Assert.Equal(["hostMount", "privilege"], refused.Details.HostAccess!.Select(a => a.Kind));
        Assert.Contains(hostFolder, refused.Message, StringComparison.Ordinal);
        Assert.Contains("--trust", refused.Details.Hint, StringComparison.Ordinal);

        // Nothing is left: no container, no volume, no gitspace, so the same name can be created once trusted.
        Assert.False(DockerCli.Exists("container", "gitspace-" + id));
        Assert.False(DockerCli.Exists("volume", $"gitspace-{id}-workspace"));
        await Assert.ThrowsAsync<GitspaceException>(() => sandbox.Service.GetAsync(id, CancellationToken.None));

        var trusted = await sandbox.Service.CreateAsync(new CreateGitspaceParams { Name = id, Repository = new RepositorySource { Url = url }, TrustRepository = true }, null, CancellationToken.None);

        Assert.Equal(GitspaceState.Running, trusted.State);
        Assert.Equal("host-only", DockerCli.Docker("exec", "gitspace-" + id, "cat", "/x/secret.txt"));
        Assert.Equal("host", DockerCli.Docker("inspect", "-f", "{{.HostConfig.PidMode}}", "gitspace-" + id));
        Assert.Contains(sandbox.LogText(id), l => l.StartsWith("Reaches this machine (trusted): $.mounts[0]", StringComparison.Ordinal));
        Assert.True(new TrustStore(sandbox.Paths).IsTrusted(url));

        // Remembered for the repository: a second gitspace of it needs no consent; revoked, it is refused again.
        var second = environment.Name("trustmount2");
        await sandbox.CreateAsync(second, url);
        Assert.True(new TrustStore(sandbox.Paths).Revoke(url));
        var third = environment.Name("trustmount3");
        Assert.Equal(ErrorCodes.RepositoryUntrusted, (await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(third, url))).Code);

        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
        await sandbox.Service.DeleteAsync(second, null, CancellationToken.None);
    }

    [Fact]
    public async Task WhatTheRepositorysImageAsksForInItsMetadataIsRefusedUntilTrusted()
    {
        // The Dockerfile's metadata label asks for a privileged container: the build runs (nothing of this machine is
        // reached), the container is never made.
        environment.Repository("trust-label", Configs.Files(
            """{ "build": { "dockerfile": "Dockerfile" } }""",
            (".devcontainer/Dockerfile", $"FROM {DockerEnvironment.BaseImage}\nLABEL devcontainer.metadata='[{{\"privileged\":true,\"capAdd\":[\"SYS_ADMIN\"]}}]'\n")));
        using var sandbox = new Sandbox();
        var id = environment.Name("trustlabel");

        var refused = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(id, environment.GitUrl("trust-label")));

        Assert.Equal(ErrorCodes.RepositoryUntrusted, refused.Code);
        Assert.Equal(["image: $.privileged", "image: $.capAdd[0]"], refused.Details.HostAccess!.Select(a => a.Property));
        Assert.Empty(DockerCli.ContainersWithLabel("dev.gitspaces.id=" + id));
        Assert.Empty(DockerCli.Docker("images", "-q", "--filter", "label=dev.gitspaces.id=" + id));
    }

    [Fact]
    public async Task AnUntrustedUrlsInitializeCommandIsRefusedAndNeverRuns_TheUsersSettingAllowsItEverywhere()
    {
        var marker = Path.Combine(Path.GetTempPath(), "gitspaces-init-" + environment.RunId);
        environment.Repository("trust-init", Configs.Files(Configs.Image($$"""
            "initializeCommand": ["touch", "{{marker}}"],
            """)));
        using var sandbox = new Sandbox();
        var refusedId = environment.Name("trustinit");
        var allowedId = environment.Name("trustinitok");

        var refused = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(refusedId, environment.GitUrl("trust-init")));

        Assert.Equal(ErrorCodes.RepositoryUntrusted, refused.Code);
        Assert.Equal("hostCommand", Assert.Single(refused.Details.HostAccess!).Kind);
        Assert.False(File.Exists(marker));

        await File.WriteAllTextAsync(Path.Combine(Directory.CreateDirectory(sandbox.Paths.ConfigDirectory).FullName, "docker.json"), """{ "allowInitializeCommand": true }""");
        await sandbox.CreateAsync(allowedId, environment.GitUrl("trust-init"));

        Assert.True(File.Exists(marker));
        File.Delete(marker);
        await sandbox.Service.DeleteAsync(allowedId, null, CancellationToken.None);
    }

    [Fact]
    public async Task RebuildNeverRunsAnInitializeCommandWrittenInsideTheContainer_ItReadsTheUsersOwnFolder()
    {
        var marker = Path.Combine(Path.GetTempPath(), "gitspaces-rebuild-init-" + environment.RunId);
        var repo = environment.Repository("trust-rebuild", Configs.Files(Configs.Image("""
            "containerEnv": { "FROM_CONFIG": "first" },
            """)));
        using var sandbox = new Sandbox();
        var id = environment.Name("trustrebuild");
        var container = "gitspace-" + id;
        await sandbox.CreateAsync(id, repo);

        // A process in the container rewrites the workspace's devcontainer.json to run a command on this machine.
        var hostile = Configs.Image($$"""
            "initializeCommand": "touch {{marker}}",
            "mounts": ["source=/,target=/host,type=bind"],
            """);
        var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(hostile));
        DockerCli.Docker("exec", container, "sh", "-c", $"echo {encoded} | base64 -d > /workspaces/trust-rebuild/.devcontainer/devcontainer.json");

        // The user's own change, in their folder, is what the rebuild reads.
        await File.WriteAllTextAsync(Path.Combine(repo, Configs.Path), Configs.Image("""
            "containerEnv": { "FROM_CONFIG": "second" },
            """));
        await sandbox.Service.RebuildAsync(id, null, CancellationToken.None);

        Assert.False(File.Exists(marker), "initializeCommand from inside the container ran on this machine");
        Assert.Equal("second", DockerCli.Docker("exec", container, "printenv", "FROM_CONFIG"));
        Assert.NotEqual(0, DockerCli.Run("docker", "exec", container, "test", "-e", "/host/etc").ExitCode);
        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
    }
}
