using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests.Compose;

/// <summary>A compose service built from a Dockerfile, several compose files, a runServices subset, shutdownAction none, a non-root user and the older templates' <c>..:/workspace</c> mount.</summary>
[Collection(DockerTests.Name)]
public sealed class ComposeBuildTests(DockerEnvironment environment)
{
    [Fact]
    public async Task ABuiltServiceFromTwoFiles_RunsOnlyItsServices_StopsAlone_AndDeleteRemovesTheBuiltImage()
    {
        var repo = environment.Repository("compose-built", Configs.Files(
            """
            {
              "dockerComposeFile": ["docker-compose.yml", "docker-compose.extra.yml"],
              "service": "app",
              "runServices": ["app"],
              "shutdownAction": "none",
              "workspaceFolder": "/workspace",
              "remoteUser": "dev",
              "postCreateCommand": "id -un > /workspace/who.txt",
            }
            """,
            (".devcontainer/docker-compose.yml", $$"""
                services:
                  app:
                    build:
                      context: .
                      dockerfile: Dockerfile
                      args:
                        GREETING: hello-arg
                    volumes:
                      - ..:/workspace:cached
                    command: ["sh", "-c", "echo started-by-command > /tmp/command; exec sleep infinity"]
                    depends_on: [db]
                    environment:
                      LAYER: first
                  db:
                    image: {{DockerEnvironment.BaseImage}}
                    command: sleep infinity
                  extra:
                    image: {{DockerEnvironment.BaseImage}}
                    command: sleep infinity
                """),
            (".devcontainer/docker-compose.extra.yml", "services:\n  app:\n    environment:\n      LAYER: second\n"),
            (".devcontainer/Dockerfile", $"FROM {DockerEnvironment.BaseImage}\nARG GREETING\nRUN useradd -m dev && echo $GREETING > /greeting\n")));
        using var sandbox = new Sandbox();
        var id = environment.Name("compose-built");
        var container = "gitspace-" + id;
        var project = "gitspace-" + id;

        var created = await sandbox.CreateAsync(id, repo);
        await sandbox.Provider.DrainAsync(id);

        Assert.Equal(GitspaceState.Running, created.State);
        Assert.Equal("dev", created.RemoteUser);
        Assert.Equal("/workspace", created.WorkspaceFolder);
        Assert.Equal("hello-arg", DockerCli.Docker("exec", container, "cat", "/greeting"));
        Assert.True(DockerCli.Exists("image", $"gitspace-{id}-app:latest"));
        Assert.Equal("second", DockerCli.Docker("exec", container, "printenv", "LAYER"));
        Assert.Equal("started-by-command", DockerCli.Docker("exec", container, "cat", "/tmp/command"));
        Assert.Equal("dev", DockerCli.Docker("exec", container, "cat", "/workspace/who.txt"));
        Assert.Equal("dev dev", DockerCli.Docker("exec", container, "stat", "-c", "%U %G", "/workspace/README.md"));

        // The repository's bind is the workspace volume's folder on the engine's host.
        Assert.StartsWith(DockerCli.Docker("volume", "inspect", "-f", "{{.Mountpoint}}", $"gitspace-{id}-workspace"), DockerCli.Docker("inspect", "-f", "{{range .Mounts}}{{if eq .Destination \"/workspace\"}}{{.Source}}{{end}}{{end}}", container), StringComparison.Ordinal);
        Assert.NotEmpty(ComposeGitspaceTests.ServiceContainer(project, "db"));
        Assert.Empty(ComposeGitspaceTests.ServiceContainer(project, "extra"));

        // shutdownAction none: the service's container stops, the database goes on.
        await sandbox.Service.StopAsync(id, null, CancellationToken.None);
        Assert.Equal(GitspaceState.Stopped, (await sandbox.Service.GetAsync(id, CancellationToken.None)).State);
        Assert.Equal("true", DockerCli.Docker("inspect", "-f", "{{.State.Running}}", ComposeGitspaceTests.ServiceContainer(project, "db")));
        Assert.Equal(GitspaceState.Running, (await sandbox.Service.StartAsync(id, null, CancellationToken.None)).State);

        DockerCli.Docker("exec", container, "sh", "-c", "echo precious > /workspace/mine.txt");
        var rebuilt = await sandbox.Service.RebuildAsync(id, null, CancellationToken.None);
        await sandbox.Provider.DrainAsync(id);
        Assert.Equal(GitspaceState.Running, rebuilt.State);
        Assert.Equal("precious", DockerCli.Docker("exec", container, "cat", "/workspace/mine.txt"));
        Assert.Equal("dev", DockerCli.Docker("exec", "-u", "dev", container, "id", "-un"));

        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
        Assert.False(DockerCli.Exists("image", $"gitspace-{id}-app:latest"));
        Assert.Empty(DockerCli.Docker("ps", "-aq", "--filter", "label=com.docker.compose.project=" + project));
        Assert.Empty(DockerCli.Docker("network", "ls", "-q", "--filter", "label=com.docker.compose.project=" + project));
    }

    [Fact]
    public async Task FeaturesOnTheServiceInstallForTheServicesUser_AndItsMetadataReachesTheContainer()
    {
        var repo = environment.Repository("compose-features", Configs.Files(
            """
            {
              "dockerComposeFile": "docker-compose.yml",
              "service": "app",
              "workspaceFolder": "/workspaces/compose-features",
              "features": { "./stamp": { "word": "hola" } },
            }
            """,
            (".devcontainer/docker-compose.yml", $$"""
                services:
                  app:
                    image: {{DockerEnvironment.BaseImage}}-compose-user-{{environment.RunId}}
                    build:
                      context: .
                      dockerfile: Dockerfile
                    user: dev
                    volumes:
                      - ../..:/workspaces:cached
                    command: sleep infinity
                """),
            (".devcontainer/Dockerfile", $"FROM {DockerEnvironment.BaseImage}\nRUN useradd -m dev\n"),
            (".devcontainer/stamp/devcontainer-feature.json", """
                { "id": "stamp", "version": "1.0.0", "name": "Stamp",
                  "options": { "word": { "type": "string", "default": "hi" } },
                  "containerEnv": { "STAMPED": "yes" } }
                """),
            (".devcontainer/stamp/install.sh", "#!/bin/sh\nset -e\necho \"$WORD for $_CONTAINER_USER / $_REMOTE_USER\" > /stamp\n")));
        using var sandbox = new Sandbox();
        var id = environment.Name("compose-feat");
        var container = "gitspace-" + id;

        var created = await sandbox.CreateAsync(id, repo);
        await sandbox.Provider.DrainAsync(id);

        // The reference builds the Features for the service's `user:`, not the image's USER (root here).
        Assert.Equal(GitspaceState.Running, created.State);
        Assert.Equal("hola for dev / dev", DockerCli.Docker("exec", container, "cat", "/stamp"));
        Assert.Equal("dev", DockerCli.Docker("exec", container, "id", "-un"));
        Assert.Equal("dev", created.RemoteUser);
        Assert.Equal("yes", DockerCli.Docker("exec", container, "printenv", "STAMPED"));
        Assert.Equal("a test repository", DockerCli.Docker("exec", container, "cat", "/workspaces/compose-features/README.md"));

        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
        await sandbox.AssertNothingLeftAsync(id);
        DockerCli.Run("docker", "rmi", $"{DockerEnvironment.BaseImage}-compose-user-{environment.RunId}");
    }
}
