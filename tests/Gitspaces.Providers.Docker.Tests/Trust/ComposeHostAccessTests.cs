using Gitspaces.Compose;
using Gitspaces.Core.Errors;
using Gitspaces.DevContainers.HostAccess;
using Gitspaces.Protocol;
using Gitspaces.Providers.Docker.Tests.Compose;
using Gitspaces.Providers.Docker.Trust;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests.Trust;

/// <summary>
/// A repository's compose services reach this machine only once the user trusts it, like its devcontainer.json's
/// properties (docs/security.md): every service of the merged configuration counts, on the real compose CLI and engine.
/// </summary>
[Collection(DockerTests.Name)]
public sealed class ComposeHostAccessTests(DockerEnvironment environment)
{
    [Fact]
    public async Task AnUntrustedUrlsServicesThatReachTheHostAreRefusedNamingEach_OnceTrustedTheyRun()
    {
        var hostFolder = TempDirectory.Create("compose-host-secret");
        await File.WriteAllTextAsync(Path.Combine(hostFolder, "secret.txt"), "host-only");

        // The app is the templates' (its ../.. bind is the repository's, the workspace volume); the other services ask
        // for the host in every way, one of them only in the second compose file.
        var repo = environment.Repository("compose-trust", Configs.Files(
            """{ "dockerComposeFile": ["docker-compose.yml", "docker-compose.more.yml"], "service": "app", "workspaceFolder": "/workspaces/compose-trust" }""",
            (".devcontainer/docker-compose.yml", $$"""
                version: '3.8'
                services:
                  app:
                    image: {{DockerEnvironment.BaseImage}}
                    command: sleep infinity
                    volumes:
                      - ../..:/workspaces:cached
                  tools:
                    image: {{DockerEnvironment.BaseImage}}
                    command: sleep infinity
                    volumes:
                      - {{hostFolder}}:/host:ro
                      - /var/run/docker.sock:/var/run/docker.sock
                  db:
                    image: {{DockerEnvironment.BaseImage}}
                    command: sleep infinity
                """),
            (".devcontainer/docker-compose.more.yml", """
                version: '3.8'
                services:
                  tools:
                    privileged: true
                    pid: host
                    ipc: host
                    userns_mode: host
                    cap_add: [SYS_PTRACE]
                    security_opt: ["seccomp:unconfined"]
                    devices: ["/dev/null:/dev/gitspaces-null"]
                  db:
                    network_mode: host
                """)));
        using var sandbox = new Sandbox();
        var id = environment.Name("composetrust");
        var url = environment.GitUrl("compose-trust");
        var project = "gitspace-" + id;

        var refused = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(id, url));

        Assert.Equal(ErrorCodes.RepositoryUntrusted, refused.Code);
        Assert.Equal(url, refused.Details.Repository);
        Assert.Equal(
            new[]
            {
                "Docker Compose: services.db.network_mode privilege",
                "Docker Compose: services.tools.cap_add[0] privilege",
                "Docker Compose: services.tools.devices[0] privilege",
                "Docker Compose: services.tools.ipc privilege",
                "Docker Compose: services.tools.pid privilege",
                "Docker Compose: services.tools.privileged privilege",
                "Docker Compose: services.tools.security_opt[0] privilege",
                "Docker Compose: services.tools.userns_mode privilege",
                "Docker Compose: services.tools.volumes[0] hostMount",
                "Docker Compose: services.tools.volumes[1] privilege",
            },
            refused.Details.HostAccess!.Select(a => $"{a.Property} {a.Kind}").Order(StringComparer.Ordinal));
        Assert.Contains(hostFolder, refused.Message, StringComparison.Ordinal);
        Assert.Contains("/var/run/docker.sock", refused.Message, StringComparison.Ordinal);

        // Refused before anything was built or started: no container of the project, no volume, no gitspace.
        await sandbox.AssertNothingLeftAsync(id);
        Assert.Empty(DockerCli.Docker("ps", "-aq", "--filter", "label=com.docker.compose.project=" + project));

        // Trusted, they apply. (This test machine's engine runs without the capabilities a privileged container
        // needs, so the second file keeps only what it can run: the host's pids beside the binds and host network.)
        File.WriteAllText(Path.Combine(repo, ".devcontainer", "docker-compose.more.yml"), "version: '3.8'\nservices:\n  tools:\n    pid: host\n  db:\n    network_mode: host\n");
        DockerCli.RunIn(repo, "git", "commit", "-qam", "what this engine can run");
        var trusted = await sandbox.Service.CreateAsync(new CreateGitspaceParams { Name = id, Repository = new RepositorySource { Url = url }, TrustRepository = true }, null, CancellationToken.None);
        await sandbox.Provider.DrainAsync(id);

        Assert.Equal(GitspaceState.Running, trusted.State);
        var tools = ComposeGitspaceTests.ServiceContainer(project, "tools");
        Assert.Equal("host-only", DockerCli.Docker("exec", tools, "cat", "/host/secret.txt"));
        Assert.Equal("host", DockerCli.Docker("inspect", "-f", "{{.HostConfig.PidMode}}", tools));
        Assert.Equal("host", DockerCli.Docker("inspect", "-f", "{{.HostConfig.NetworkMode}}", ComposeGitspaceTests.ServiceContainer(project, "db")));
        Assert.Contains(sandbox.LogText(id), l => l.StartsWith("Reaches this machine (trusted): Docker Compose: services.tools.volumes[0]", StringComparison.Ordinal));

        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
        Assert.Empty(DockerCli.Docker("ps", "-aq", "--filter", "label=com.docker.compose.project=" + project));
    }

    [Fact]
    public void TheRepositorysBindsAndTheProjectsOwnVolumesReachNothing_HostPathsAndOtherContainersDo()
    {
        var project = new ComposeProject
        {
            Services =
            [
                new ComposeService
                {
                    Name = "app",
                    NetworkMode = "service:db",
                    VolumesFrom = ["service:db:rw"],
                    Build = new ComposeBuild("/clones/g/shop/.devcontainer", "Dockerfile", null),
                    Volumes =
                    [
                        new ComposeMount("bind", "/clones/g", "/workspaces", false),
                        new ComposeMount("bind", "/clones/g/shop/src", "/src", false),
                        new ComposeMount("volume", "data", "/data", false),
                        new ComposeMount("volume", null, "/anonymous", false),
                    ],
                },
                new ComposeService
                {
                    Name = "db",
                    NetworkMode = "container:other",
                    VolumesFrom = ["container:other:ro"],
                    Build = new ComposeBuild("/home/me", "Dockerfile", null),
                    Volumes = [new ComposeMount("bind", "/clones", "/up", false), new ComposeMount("volume", "etc", "/etc2", false)],
                },
            ],
            VolumeDevices = new Dictionary<string, string> { ["etc"] = "/etc" },
            FileSources = [("secrets.ours", "/clones/g/shop/secret.txt"), ("configs.theirs", "/home/me/.npmrc")],
        };

        var facts = ComposeHostAccess.Of(project, "/clones/g/shop");

        Assert.Equal(
            [
                "services.db.volumes[0] hostMount this machine's /clones mounted at /up",
                "services.db.volumes[1] hostMount this machine's /etc mounted at /etc2 (the volume 'etc' binds it)",
                "services.db.network_mode privilege network_mode container:other: another container's network",
                "services.db.volumes_from[0] privilege the volumes of the container other",
                "services.db.build.context hostMount this machine's /home/me sent to the engine as a build context",
                "configs.theirs.file hostMount this machine's /home/me/.npmrc mounted into the services that use it",
            ],
            facts.Select(f => $"{f.Property} {f.Kind} {f.Detail}"));
        Assert.All(facts, f => Assert.Contains(f.Kind, new[] { HostAccessFacts.HostMount, HostAccessFacts.Privilege }));
    }
}
