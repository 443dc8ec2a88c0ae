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
}
