using System.Diagnostics;
using System.Text.Json.Nodes;
using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Composition;

/// <summary><c>devcontainer/read</c> of a URL clones it the way <c>gitspaces/create</c> does, secrets kept out.</summary>
public sealed class DevcontainerReadingTests
{
    public static TheoryData<string> SecretsInTheUrl => new()
    {
        { "user:s3cr3t-token@" },
        { "ghp_s3cr3t0token0only0in0the0user0part@" },
    };

    [Theory]
    [MemberData(nameof(SecretsInTheUrl))]
    public async Task AFailingCloneOfAUrlWithCredentialsIsRepositoryUnavailableWithoutTheSecret(string userInfo)
    {
        var url = $"https://{userInfo}127.0.0.1:{LoopbackPort.Unused()}/x.git";
        await using var server = SidecarProcess.Start();
        await server.InitializeAsync();

        var response = await server.RequestAsync("devcontainer/read", new JsonObject { ["repository"] = new JsonObject { ["url"] = url } }, TimeSpan.FromSeconds(60));

        var error = response["error"]!;
        Assert.Equal(1006, error["code"]!.GetValue<int>());
        Assert.Equal("RepositoryUnavailable", error["data"]!["kind"]!.GetValue<string>());
        Assert.Contains("127.0.0.1", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", response.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", server.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileUrlIsClonedAndItsConfigurationRead()
    {
        var repository = TempDirectory.Create("read-source");
        Directory.CreateDirectory(Path.Combine(repository, ".devcontainer"));
        File.WriteAllText(Path.Combine(repository, ".devcontainer", "devcontainer.json"), "{ \"name\": \"from-a-clone\", \"image\": \"debian:bookworm\" }");
        Git(repository, "init", "--quiet");
        Git(repository, "add", "--all");
        Git(repository, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "config");
        await using var server = SidecarProcess.Start();
        await server.InitializeAsync();

        var response = await server.RequestAsync("devcontainer/read", new JsonObject { ["repository"] = new JsonObject { ["url"] = new Uri(repository).AbsoluteUri } }, TimeSpan.FromSeconds(60));

        Assert.Equal("from-a-clone", response["result"]?["configuration"]?["name"]?.GetValue<string>());
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(server.Home, "cache", "read")));
    }

    private static void Git(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = folder };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
