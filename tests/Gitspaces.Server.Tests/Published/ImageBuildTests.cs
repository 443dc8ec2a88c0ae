using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Published;

/// <summary>
/// <c>gitspaces up</c> of a Dockerfile configuration with a local Feature, on the published program: the build goes
/// through Docker.DotNet (its parameters and the streamed build log are Newtonsoft-serialized), the Feature layer is
/// built on top, and <c>gitspaces ssh</c> (through the same binary as ProxyCommand) finds both steps' work in the container.
/// </summary>
[Collection(PublishedProgramTests.Name)]
public sealed class ImageBuildTests(DockerTestRun run)
{
    [Fact]
    public async Task Up_builds_the_dockerfile_and_installs_a_local_feature_and_ssh_sees_both()
    {
        await using var user = await PublishedUser.CreateAsync();
        var repository = await TestRepository.CreateAsync("built", new Dictionary<string, string>
        {
            [".devcontainer/Dockerfile"] = $"FROM {DockerTestRun.BaseImage}\nRUN echo from-the-dockerfile-{run.RunId} > /opt/dockerfile-marker\n",
            [".devcontainer/devcontainer.json"] = """
                {
                  // JSONC, as users write it.
                  "build": { "dockerfile": "Dockerfile" },
                  "features": { "./hello": { "greeting": "hej" } }
                }
                """,
            [".devcontainer/hello/devcontainer-feature.json"] = """
                { "id": "hello", "version": "1.0.0", "name": "Hello", "options": { "greeting": { "type": "string", "default": "hi" } } }
                """,
            [".devcontainer/hello/install.sh"] = $"#!/bin/sh\nset -e\necho \"$GREETING from-the-feature-{run.RunId}\" > /opt/feature-marker\n",
        });
        var name = run.Name("build");

        var up = await user.UpAsync(repository, name);
        var ssh = await user.RunAsync(["ssh", name, "--", "cat", "/opt/dockerfile-marker", "/opt/feature-marker"], TimeSpan.FromMinutes(2));

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Contains($"] {EventTypes.ImageBuildCompleted}: ", up.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"] {EventTypes.FeatureInstallCompleted}: ", up.StandardOutput, StringComparison.Ordinal);
        Assert.True(ssh.ExitCode == 0, ssh.ToString());
        Assert.Equal($"from-the-dockerfile-{run.RunId}\nhej from-the-feature-{run.RunId}\n", ssh.StandardOutput.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Rebuild_takes_the_dockerfile_as_the_repository_has_it_now_and_delete_removes_the_built_images()
    {
        await using var user = await PublishedUser.CreateAsync();
        var repository = await TestRepository.CreateAsync("rebuilt", new Dictionary<string, string>
        {
            [".devcontainer/Dockerfile"] = $"FROM {DockerTestRun.BaseImage}\nRUN echo first-{run.RunId} > /opt/dockerfile-marker\n",
            [".devcontainer/devcontainer.json"] = """{ "build": { "dockerfile": "Dockerfile" } }""",
        });
        var name = run.Name("rebuild");
        PublishedUser.Succeeded(await user.UpAsync(repository, name));

        // The user edits the Dockerfile in their folder; an edit inside the gitspace (the command runs in the workspace
        // folder) does not count, since a process in the container could have made it (#13: host-side configuration
        // comes only from the user's own copy).
        var dockerfile = Path.Combine(repository, ".devcontainer", "Dockerfile");
        await File.WriteAllTextAsync(dockerfile, (await File.ReadAllTextAsync(dockerfile)).Replace("first-", "second-", StringComparison.Ordinal));
        PublishedUser.Succeeded(await user.RunAsync(["ssh", name, "--", "sed", "-i", "s/first-/third-/", ".devcontainer/Dockerfile"], TimeSpan.FromMinutes(2)));
        var rebuild = await user.RunAsync(["rebuild", name]);
        var marker = await user.RunAsync(["ssh", name, "--", "cat", "/opt/dockerfile-marker"], TimeSpan.FromMinutes(2));

        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        Assert.Contains($"] {EventTypes.ActionResetCompleted}: ", rebuild.StandardOutput, StringComparison.Ordinal);
        Assert.True(marker.ExitCode == 0, marker.ToString());
        Assert.Equal($"second-{run.RunId}", marker.StandardOutput.Trim());
        Assert.NotEmpty(Labelled("images", name));

        // Delete lists the gitspace's images by label and removes them, with its container and volume.
        var delete = await user.RunAsync(["delete", name, "--yes"]);

        Assert.True(delete.ExitCode == 0, delete.ToString());
        Assert.Empty(Labelled("images", name));
        Assert.Empty(Labelled("ps", name));
        Assert.Empty(Labelled("volume", name));
    }

    [Fact]
    public async Task A_dockerfile_step_that_fails_is_an_error_naming_the_step_with_its_output()
    {
        await using var user = await PublishedUser.CreateAsync();
        var repository = await TestRepository.CreateAsync("unbuildable", new Dictionary<string, string>
        {
            [".devcontainer/Dockerfile"] = $"FROM {DockerTestRun.BaseImage}\nRUN echo about-to-fail-{run.RunId} && exit 3\n",
            [".devcontainer/devcontainer.json"] = """{ "build": { "dockerfile": "Dockerfile" } }""",
        });

        var (line, up) = await user.UpJsonAsync(repository, run.Name("unbuildable"));

        Assert.True(up.ExitCode == 1, up.ToString());
        var error = line["error"]!;
        Assert.Equal(ErrorCodes.OperationFailed, error["code"]!.GetValue<int>());
        Assert.StartsWith("Building the image from Dockerfile failed at Step 2/", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("returned a non-zero code: 3", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("image_build", error["data"]!["step"]!.GetValue<string>());
        Assert.Contains(error["data"]!["log"]!.AsArray(), l => l!.GetValue<string>() == $"about-to-fail-{run.RunId}");
        Assert.Contains(EventTypes.ImageBuildFailed, up.StandardError, StringComparison.Ordinal);
    }

    private static string[] Labelled(string what, string gitspace)
    {
        string[] args = what switch
        {
            "images" => ["images", "-q", "--filter", $"label=dev.gitspaces.id={gitspace}"],
            "ps" => ["ps", "-aq", "--filter", $"label=dev.gitspaces.id={gitspace}"],
            _ => ["volume", "ls", "-q", "--filter", $"label=dev.gitspaces.id={gitspace}"],
        };
        return DockerCli.Docker(args).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
