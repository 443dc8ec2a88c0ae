using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Published;

/// <summary>
/// <c>gitspaces up</c> of a Docker Compose configuration on the published program: the merged configuration is read and
/// the override written through YamlDotNet's node tree (no serializer, so nothing for the trimmer to remove), compose's
/// output streams to the terminal, and <c>gitspaces ssh</c> reaches the service; stop, start and delete drive the project.
/// </summary>
[Collection(PublishedProgramTests.Name)]
public sealed class ComposeUpTests(DockerTestRun run)
{
    [Fact]
    public async Task Up_runs_the_compose_project_and_ssh_reaches_the_service_then_delete_removes_the_project()
    {
        await using var user = await PublishedUser.CreateAsync();
        var repository = await TestRepository.CreateAsync("composed", new Dictionary<string, string>
        {
            [".devcontainer/devcontainer.json"] = """
                {
                  "dockerComposeFile": "docker-compose.yml",
                  "service": "app",
                  "workspaceFolder": "/workspaces/composed",
                  "containerEnv": { "MARK": "a$b" },
                  "postCreateCommand": "echo made-by-postcreate > made.txt"
                }
                """,
            [".devcontainer/docker-compose.yml"] = $$"""
                services:
                  app:
                    image: {{DockerTestRun.BaseImage}}
                    command: sleep infinity
                    volumes:
                      - ../..:/workspaces:cached
                    depends_on: [db]
                  db:
                    image: {{DockerTestRun.BaseImage}}
                    command: sleep infinity
                """,
        });
        var name = run.Name("composed");
        var project = "gitspace-" + name;

        var up = await user.UpAsync(repository, name);
        var ssh = await user.RunAsync(["ssh", name, "--", "cat", "made.txt"], TimeSpan.FromMinutes(2));

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Contains($"] {EventTypes.ComposeUpCompleted}: ", up.StandardOutput, StringComparison.Ordinal);
        Assert.True(ssh.ExitCode == 0, ssh.ToString());
        Assert.Equal("made-by-postcreate", ssh.StandardOutput.Trim());
        Assert.Equal("a$b", DockerCli.Docker("exec", "gitspace-" + name, "printenv", "MARK"));
        Assert.Equal(2, Project("ps", project).Length);

        PublishedUser.Succeeded(await user.RunAsync(["stop", name]));
        Assert.Empty(Project("ps", project));
        PublishedUser.Succeeded(await user.RunAsync(["start", name]));
        Assert.Equal(2, Project("ps", project).Length);

        PublishedUser.Succeeded(await user.RunAsync(["delete", name, "--yes"]));
        Assert.Empty(Project("ps-a", project));
        Assert.Empty(Project("network", project));
    }

    private static string[] Project(string what, string project)
    {
        string[] arguments = what switch
        {
            "ps" => ["ps", "-q"],
            "ps-a" => ["ps", "-aq"],
            _ => [what, "ls", "-q"],
        };
        return DockerCli.Docker([.. arguments, "--filter", "label=com.docker.compose.project=" + project]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
