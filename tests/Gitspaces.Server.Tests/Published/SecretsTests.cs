using System.Security.Cryptography;
using System.Text;
using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Published;

/// <summary>
/// Secrets on the published program (issue #18): <c>gitspaces secret set</c> reads the value from stdin; the gitspace
/// gets it in <c>gitspaces ssh g -- printenv NAME</c> and in its lifecycle commands, and no value is in docker inspect
/// (labels included), docker logs, the engine's events, our state files other than the store, or the gitspace's events
/// and log; a changed value is what the next start gives, a deleted one is gone after it.
/// </summary>
[Collection(PublishedProgramTests.Name)]
public sealed class SecretsTests(DockerTestRun run)
{
    [Fact]
    public async Task A_secret_reaches_ssh_and_lifecycle_commands_but_no_configuration_log_or_event_and_a_change_is_seen_after_a_restart()
    {
        await using var user = await PublishedUser.CreateAsync();
        var value = "s3cret \"quoted\" value " + Guid.NewGuid().ToString("N");
        var changed = "changed-" + Guid.NewGuid().ToString("N");
        var repository = await TestRepository.CreateAsync("secretive", new Dictionary<string, string>
        {
            [".devcontainer/devcontainer.json"] = $$"""
                {
                  "image": "{{DockerTestRun.BaseImage}}",
                  "postCreateCommand": "printf %s \"$MY_TOKEN\" | sha256sum | cut -c1-64 > /tmp/lifecycle-hash; echo lifecycle ran",
                  "waitFor": "postCreateCommand"
                }
                """,
        });
        var name = run.Name("secretive");
        var since = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        PublishedUser.Succeeded(await SetAsync(user, "MY_TOKEN", value + "\n"));
        PublishedUser.Succeeded(await SetAsync(user, "OTHER_REPO_TOKEN", "not-for-this-one", "--repo", "example.com/elsewhere/*"));
        var list = PublishedUser.Succeeded(await user.RunAsync(["secret", "list"]));
        Assert.Contains("MY_TOKEN  every gitspace", list.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("OTHER_REPO_TOKEN  repositories matching example.com/elsewhere/*", list.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(value, list.ToString(), StringComparison.Ordinal);

        var up = PublishedUser.Succeeded(await user.UpAsync(repository, name));
        var seen = PublishedUser.Succeeded(await user.RunAsync(["ssh", name, "--", "printenv", "MY_TOKEN"], TimeSpan.FromMinutes(2)));
        Assert.Equal(value, seen.StandardOutput.TrimEnd('\n'));
        Assert.Equal(Sha256(value), DockerCli.Docker("exec", "gitspace-" + name, "cat", "/tmp/lifecycle-hash"));
        var other = await user.RunAsync(["ssh", name, "--", "printenv", "OTHER_REPO_TOKEN"], TimeSpan.FromMinutes(2));
        Assert.NotEqual(0, other.ExitCode);

        // Only the remote user (root here) can read the one file in the container that holds it.
        Assert.Equal("600", DockerCli.Docker("exec", "gitspace-" + name, "stat", "-c", "%a", "/var/lib/gitspaces/ssh/authorized_keys"));

        var events = PublishedUser.Succeeded(await user.RunAsync(["events", name]));
        var logs = PublishedUser.Succeeded(await user.RunAsync(["logs", name]));
        var inspect = DockerCli.Docker("inspect", "gitspace-" + name);
        var containerLog = DockerCli.Run("docker", "logs", "gitspace-" + name).Output;
        var until = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var engineEvents = DockerCli.Docker("events", "--since", since, "--until", until, "--format", "{{json .}}");
        foreach (var (what, text) in new[] { ("up's output", up.ToString()), ("gitspaces events", events.ToString()), ("gitspaces logs", logs.ToString()), ("docker inspect", inspect), ("docker logs", containerLog), ("docker events", engineEvents) })
        {
            Assert.False(text.Contains(value, StringComparison.Ordinal) || text.Contains("s3cret", StringComparison.Ordinal), $"{what} holds the secret:\n{text}");
        }

        Assert.Contains("lifecycle ran", logs.StandardOutput, StringComparison.Ordinal);
        var store = Path.Combine(user.GitspacesHome, "config", "secrets", "secrets.json");
        foreach (var file in Directory.EnumerateFiles(user.Root, "*", SearchOption.AllDirectories).Where(f => Path.GetFullPath(f) != Path.GetFullPath(store)))
        {
            Assert.False(File.ReadAllText(file).Contains("s3cret", StringComparison.Ordinal), $"{file} holds the secret");
        }

        Assert.True(File.Exists(store), "the store is where docs/secrets.md says");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(store)!));
        }

        // A changed value is what the next start gives; a deleted one is gone after it.
        PublishedUser.Succeeded(await SetAsync(user, "MY_TOKEN", changed));
        PublishedUser.Succeeded(await user.RunAsync(["stop", name]));
        PublishedUser.Succeeded(await user.RunAsync(["start", name]));
        var after = PublishedUser.Succeeded(await user.RunAsync(["ssh", name, "--", "printenv", "MY_TOKEN"], TimeSpan.FromMinutes(2)));
        Assert.Equal(changed, after.StandardOutput.TrimEnd('\n'));

        PublishedUser.Succeeded(await user.RunAsync(["secret", "delete", "MY_TOKEN"]));
        PublishedUser.Succeeded(await user.RunAsync(["stop", name]));
        PublishedUser.Succeeded(await user.RunAsync(["start", name]));
        var gone = await user.RunAsync(["ssh", name, "--", "printenv", "MY_TOKEN"], TimeSpan.FromMinutes(2));
        Assert.NotEqual(0, gone.ExitCode);
    }

    [Fact]
    public async Task Set_refuses_a_value_on_several_lines_and_a_name_that_is_no_variable()
    {
        await using var user = await PublishedUser.CreateAsync();

        var multiline = await SetAsync(user, "PEM", "line one\nline two\n");
        var badName = await SetAsync(user, "1BAD", "x");
        var reserved = await SetAsync(user, "PATH", "x");

        Assert.Equal(2, multiline.ExitCode);
        Assert.Contains("line break", multiline.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, badName.ExitCode);
        Assert.Equal(2, reserved.ExitCode);
        Assert.Contains("No secrets", PublishedUser.Succeeded(await user.RunAsync(["secret", "list"])).StandardOutput, StringComparison.Ordinal);
    }

    private static Task<ProcessResult> SetAsync(PublishedUser user, string name, string stdin, params string[] more) =>
        Run.ProgramAsync(user.Program, ["secret", "set", name, .. more], stdin: stdin, environment: user.Environment, timeout: TimeSpan.FromMinutes(1));

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
