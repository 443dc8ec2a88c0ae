using System.Text.Json.Nodes;
using Gitspaces.TestSupport;

namespace Gitspaces.Conformance.Tests;

/// <summary>
/// Docker Compose configurations through <c>gitspaces up</c> and the reference <c>devcontainer up</c>, side by side on
/// the same engine with the same compose CLI: the service container's environment, the remote user, the workspace
/// folder, the lifecycle commands that ran, the metadata label and the set of running services must agree.
/// </summary>
public sealed class ComposeUpDifferentialTests(StandInImages images) : IClassFixture<StandInImages>
{
    private const string IdLabel = "dev.gitspaces.conformance";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    public static TheoryData<string> Cases() =>
        [.. Directory.EnumerateDirectories(Path.Combine(AppContext.BaseDirectory, "ComposeCases")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ComposeUpAgreesWithTheReferenceCli(string name)
    {
        var root = TempDirectory.Create("compose-diff");
        var home = Directory.CreateDirectory(Path.Combine(root, "home")).FullName;
        var id = $"{images.RunId}-{name}";
        var ours = Workspace(name, Path.Combine(root, "ours", name));
        var theirs = Workspace(name, Path.Combine(root, "theirs", name));
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = home,
            ["GITSPACES_HOME"] = Path.Combine(root, "state"),
        };

        // One after the other: the reference names its project after the folder, and both build with the same engine.
        var oursResult = await Run.ProgramAsync(DotnetHost.Path, [Path.Combine(AppContext.BaseDirectory, "gitspaces.dll"), "up", ours, "--name", id, "--json"], environment: environment, timeout: Patience);
        var theirsResult = await Run.ProgramAsync("node", [ReferenceCli, "up", "--workspace-folder", theirs, "--id-label", $"{IdLabel}={id}"], environment: environment, timeout: Patience);
        var oursContainer = Single(DockerCli.Run("docker", "ps", "-aq", "--filter", $"label=dev.gitspaces.id={id}", "--filter", "label=dev.gitspaces.workspace-folder").Output);
        var theirsContainer = Single(DockerCli.Run("docker", "ps", "-aq", "--filter", $"label={IdLabel}={id}").Output);
        var theirsProject = theirsContainer is null ? null : DockerCli.Run("docker", "inspect", "-f", "{{index .Config.Labels \"com.docker.compose.project\"}}", theirsContainer).Output.Trim();
        try
        {
            var oursLine = LastJsonLine(oursResult.StandardOutput);
            var theirsLine = LastJsonLine(theirsResult.StandardOutput);
            var oursFacts = Facts(oursContainer, oursResult, oursLine?["gitspace"]?["remoteUser"]?.GetValue<string>(), oursLine?["gitspace"]?["workspaceFolder"]?.GetValue<string>(), "gitspace-" + id);
            var theirsFacts = Facts(theirsContainer, theirsResult, theirsLine?["remoteUser"]?.GetValue<string>(), theirsLine?["remoteWorkspaceFolder"]?.GetValue<string>(), theirsProject);
            var differences = new List<string>();
            void Check(string what, string? a, string? b)
            {
                if (a != b)
                {
                    differences.Add($"{what}:\n    ours      {a}\n    reference {b}");
                }
            }

            Check("exit code", oursResult.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture), theirsResult.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Check("remote user", oursFacts.RemoteUser, theirsFacts.RemoteUser);
            Check("workspace folder", oursFacts.WorkspaceFolder, theirsFacts.WorkspaceFolder);
            Check("the service container's environment", string.Join(" | ", oursFacts.Env), string.Join(" | ", theirsFacts.Env));
            Check("running services", string.Join(", ", oursFacts.Services), string.Join(", ", theirsFacts.Services));
            Check("lifecycle commands that ran", oursFacts.Ran, theirsFacts.Ran);
            Check("devcontainer.metadata label", oursFacts.Metadata, theirsFacts.Metadata);
            Check("files the Features and the build left", oursFacts.Files, theirsFacts.Files);
            // Every case is one both tools bring up: a comparison of two failures would say nothing.
            Assert.True(oursResult.ExitCode == 0 && oursContainer is not null, "gitspaces up failed:\n" + oursFacts.Output);
            Assert.True(theirsResult.ExitCode == 0 && theirsContainer is not null, "devcontainer up failed:\n" + theirsFacts.Output);
            Assert.NotEmpty(oursFacts.Services);
            Assert.NotEmpty(oursFacts.Ran);
            Assert.True(differences.Count == 0, $"{name}: gitspaces up and devcontainer up differ:\n  {string.Join("\n  ", differences)}\n--- ours:\n{oursFacts.Output}\n--- reference:\n{theirsFacts.Output}");
        }
        finally
        {
            await Run.ProgramAsync(DotnetHost.Path, [Path.Combine(AppContext.BaseDirectory, "gitspaces.dll"), "delete", id, "--yes"], environment: environment, timeout: Patience);
            if (!string.IsNullOrEmpty(theirsProject))
            {
                RemoveProject(theirsProject);
            }

            foreach (var image in DockerCli.Run("docker", "images", "--format", "{{.Repository}}").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (image.StartsWith($"vsc-{name}-", StringComparison.Ordinal) || (theirsProject is not null && image.StartsWith(theirsProject, StringComparison.Ordinal)))
                {
                    DockerCli.Run("docker", "rmi", "-f", image);
                }
            }
        }
    }

    private static string ReferenceCli => RepositoryRoot.Combine("tests", "node-tools", "node_modules", "@devcontainers", "cli", "devcontainer.js");

    private static ComposeFacts Facts(string? container, ProcessResult result, string? remoteUser, string? workspaceFolder, string? project)
    {
        var output = $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}";
        if (container is null || project is null)
        {
            return new ComposeFacts { Output = output + "\n(no container)" };
        }

        var details = JsonNode.Parse(DockerCli.Docker("inspect", container))!.AsArray()[0]!;
        var services = DockerCli.Run("docker", "ps", "--format", "{{.Label \"com.docker.compose.service\"}}", "--filter", "label=com.docker.compose.project=" + project).Output;
        return new ComposeFacts
        {
            RemoteUser = remoteUser,
            WorkspaceFolder = workspaceFolder,
            Env = details["Config"]!["Env"] is JsonArray env ? [.. env.Select(e => e!.GetValue<string>()).Order(StringComparer.Ordinal)] : [],
            Services = [.. services.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal)],
            Ran = DockerCli.Run("docker", "exec", container, "sh", "-c", "cat /tmp/ran 2>/dev/null; true").Output.Trim(),
            Metadata = details["Config"]!["Labels"]!["devcontainer.metadata"]?.GetValue<string>() is { } label ? JsonNode.Parse(label)!.ToJsonString() : null,
            Files = DockerCli.Run("docker", "exec", container, "sh", "-c", "cat /greeting /etc/greeter 2>/dev/null; true").Output.Trim(),
            Output = output,
        };
    }

    private static void RemoveProject(string project)
    {
        foreach (var container in DockerCli.Run("docker", "ps", "-aq", "--filter", "label=com.docker.compose.project=" + project).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            DockerCli.Run("docker", "rm", "-f", "-v", container.Trim());
        }

        foreach (var kind in new[] { "network", "volume" })
        {
            foreach (var name in DockerCli.Run("docker", kind, "ls", "-q", "--filter", "label=com.docker.compose.project=" + project).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                DockerCli.Run("docker", kind, "rm", name.Trim());
            }
        }
    }

    private static string? Single(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries) is [var one] ? one.Trim() : null;

    private static JsonObject? LastJsonLine(string output)
    {
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            if (line.TrimStart().StartsWith('{'))
            {
                try
                {
                    return JsonNode.Parse(line) as JsonObject;
                }
                catch (System.Text.Json.JsonException)
                {
                    // A log line that looks like JSON; keep looking.
                }
            }
        }

        return null;
    }

    private static string Workspace(string name, string target)
    {
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "ComposeCases", name), target);
        foreach (var args in new[] { new[] { "init", "-q" }, ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "config"] })
        {
            var (exitCode, output) = DockerCli.RunIn(target, "git", args);
            Assert.True(exitCode == 0, $"git {string.Join(' ', args)}: {output}");
        }

        return target;
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            if (file.EndsWith(".sh", StringComparison.Ordinal) && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path.Combine(target, Path.GetFileName(file)), File.GetUnixFileMode(file) | UnixFileMode.UserExecute);
            }
        }

        foreach (var folder in Directory.EnumerateDirectories(source))
        {
            CopyFolder(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }
}
