using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Published;

/// <summary>
/// <c>gitspaces up</c> of a configuration whose image is only in a registry that wants a login, on the published
/// program: Docker.DotNet sends the pull with the <c>X-Registry-Auth</c> it serializes (Newtonsoft, by reflection,
/// which the trimmer must have kept) from the user's docker login; without a login the user gets a sentence, not a crash.
/// </summary>
[Collection(PublishedProgramTests.Name)]
public sealed class ImagePullTests(DockerTestRun run)
{
    [Fact]
    public async Task Up_pulls_an_image_from_a_registry_that_wants_a_login_with_the_users_docker_login()
    {
        await using var registry = await LocalRegistry.StartAsync(requireBasicAuth: true);
        await using var user = await PublishedUser.CreateAsync();
        var image = await PushBaseImageAsync(registry, "login");
        try
        {
            // The user logs in the way they always do; the docker CLI writes the login to $DOCKER_CONFIG/config.json.
            await LoginAsync(registry, user.Environment["DOCKER_CONFIG"]);
            var repository = await TestRepository.CreateAsync("pulled", new Dictionary<string, string> { [".devcontainer/devcontainer.json"] = $$"""{ "image": "{{image}}" }""" });

            var (line, result) = await user.UpJsonAsync(repository, run.Name("pull"));

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal("success", line["outcome"]!.GetValue<string>());
            Assert.Equal("running", line["gitspace"]!["state"]!.GetValue<string>());
            Assert.Contains(EventTypes.ImagePullCompleted, result.StandardError, StringComparison.Ordinal);
            Assert.True(DockerCli.Exists("image", image), $"{image} is not on the engine after the pull");
            Assert.DoesNotContain(LocalRegistry.Password, result.StandardOutput + result.StandardError, StringComparison.Ordinal);
            Assert.All(Directory.EnumerateFiles(user.GitspacesHome, "*", SearchOption.AllDirectories), f => Assert.DoesNotContain(LocalRegistry.Password, File.ReadAllText(f), StringComparison.Ordinal));
        }
        finally
        {
            DockerCli.Run("docker", "rmi", image);
        }
    }

    [Fact]
    public async Task Without_a_login_the_pull_fails_with_a_sentence_and_a_hint_not_a_crash()
    {
        await using var registry = await LocalRegistry.StartAsync(requireBasicAuth: true);
        await using var user = await PublishedUser.CreateAsync();
        var image = await PushBaseImageAsync(registry, "anonymous");
        try
        {
            var repository = await TestRepository.CreateAsync("unpulled", new Dictionary<string, string> { [".devcontainer/devcontainer.json"] = $$"""{ "image": "{{image}}" }""" });

            var (line, result) = await user.UpJsonAsync(repository, run.Name("nologin"));

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Equal("error", line["outcome"]!.GetValue<string>());
            var error = line["error"]!;
            Assert.Equal(ErrorCodes.OperationFailed, error["code"]!.GetValue<int>());
            Assert.StartsWith($"The image '{image}' is not on this Docker engine and could not be pulled: ", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("no basic auth credentials", error["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal("image_pull", error["data"]!["step"]!.GetValue<string>());
            Assert.Contains($"docker login {registry.Address}", error["data"]!["hint"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains(EventTypes.ImagePullFailed, result.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", result.StandardError, StringComparison.Ordinal);
            Assert.False(DockerCli.Exists("image", image));
        }
        finally
        {
            DockerCli.Run("docker", "rmi", image);
        }
    }

    /// <summary>Pushes the base image to the registry under a name of this run, then removes that name from the engine.</summary>
    private async Task<string> PushBaseImageAsync(LocalRegistry registry, string tag)
    {
        var image = $"{registry.Address}/gitspaces-tests/{run.RunId}-base:{tag}";
        var pusher = TempDirectory.Create("docker-config");
        try
        {
            await LoginAsync(registry, pusher);
            DockerCli.Docker("tag", DockerTestRun.BaseImage, image);
            var push = await Run.ProgramAsync("docker", ["push", image], environment: new Dictionary<string, string> { ["DOCKER_CONFIG"] = pusher }, timeout: TimeSpan.FromMinutes(3));
            Assert.True(push.ExitCode == 0, "docker push: " + push);
        }
        finally
        {
            DockerCli.Run("docker", "rmi", image);
            Directory.Delete(pusher, recursive: true);
        }

        Assert.False(DockerCli.Exists("image", image));
        return image;
    }

    private static async Task LoginAsync(LocalRegistry registry, string dockerConfig)
    {
        // The password goes in on stdin, never in argv.
        var login = await Run.ProgramAsync(
            "docker",
            ["login", registry.Address, "--username", LocalRegistry.UserName, "--password-stdin"],
            stdin: LocalRegistry.Password,
            environment: new Dictionary<string, string> { ["DOCKER_CONFIG"] = dockerConfig });
        Assert.True(login.ExitCode == 0, "docker login: " + login);
        Assert.True(File.Exists(Path.Combine(dockerConfig, "config.json")));
    }
}
