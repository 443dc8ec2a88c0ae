using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Variables;
using Gitspaces.TestSupport;

namespace Gitspaces.Conformance.Tests;

/// <summary>
/// <c>gitspaces up</c> and the reference <c>devcontainer up</c> on the same configuration, side by side on the same
/// engine: outcome and exit code, users, workspace folder, environment, mounts, capabilities, security options, init,
/// privileged, the metadata label and which lifecycle commands ran must agree. What we do differently on purpose
/// (the workspace is a volume, not a bind mount) is left out of the comparison and listed in
/// docs/devcontainer-conformance.md.
/// </summary>
public sealed class UpDifferentialTests(StandInImages images) : IClassFixture<StandInImages>
{
    private const string IdLabel = "dev.gitspaces.conformance";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public static TheoryData<string> Cases() =>
        [.. Directory.EnumerateDirectories(Path.Combine(AppContext.BaseDirectory, "Cases")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task UpAgreesWithTheReferenceCli(string name)
    {
        var root = TempDirectory.Create("up-diff");
        var home = Directory.CreateDirectory(Path.Combine(root, "home")).FullName;
        var id = $"{images.RunId}-{name}";

        // Each tool gets its own copy with the same folder name, so both make /workspaces/<name>.
        var ours = Workspace(name, Path.Combine(root, "ours", name));
        var theirs = Workspace(name, Path.Combine(root, "theirs", name));
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = home,
            ["GITSPACES_HOME"] = Path.Combine(root, "state"),
            ["GITSPACES_ALLOW_INITIALIZE_COMMAND"] = string.Empty,
        };
        var oursUp = Run.ProgramAsync(DotnetHost.Path, [Path.Combine(AppContext.BaseDirectory, "gitspaces.dll"), "up", ours, "--name", id, "--json"], environment: environment, timeout: Patience);
        var theirsUp = Run.ProgramAsync("node", [ReferenceCli, "up", "--workspace-folder", theirs, "--id-label", $"{IdLabel}={id}"], environment: environment, timeout: Patience);
        var (oursResult, theirsResult) = (await oursUp, await theirsUp);
        var oursContainer = Single(DockerCli.Run("docker", "ps", "-aq", "--filter", $"label=dev.gitspaces.id={id}").Output);
        var theirsContainer = Single(DockerCli.Run("docker", "ps", "-aq", "--filter", $"label={IdLabel}={id}").Output);
        try
        {
            var oursLine = LastJsonLine(oursResult.StandardOutput);
            var gitspace = oursLine?["gitspace"];
            var oursFacts = Facts(oursContainer, oursResult, oursLine?["outcome"]?.GetValue<string>(), gitspace?["remoteUser"]?.GetValue<string>(), gitspace?["workspaceFolder"]?.GetValue<string>(), ["devcontainer.local_folder", "devcontainer.config_file"]);
            var theirsLine = LastJsonLine(theirsResult.StandardOutput);
            var theirsFacts = Facts(theirsContainer, theirsResult, theirsLine?["outcome"]?.GetValue<string>(), theirsLine?["remoteUser"]?.GetValue<string>(), theirsLine?["remoteWorkspaceFolder"]?.GetValue<string>(), [IdLabel]);

            var differences = Compare(oursFacts, theirsFacts);
            Assert.True(differences.Count == 0, $"{name}: gitspaces up and devcontainer up differ:\n  {string.Join("\n  ", differences)}\n--- ours:\n{oursFacts.Output}\n--- reference:\n{theirsFacts.Output}");
        }
        finally
        {
            // The containers first, with the named volumes their mounts name; then what else the gitspace has.
            RemoveWithVolumes(oursContainer);
            RemoveWithVolumes(theirsContainer);
            await Run.ProgramAsync(DotnetHost.Path, [Path.Combine(AppContext.BaseDirectory, "gitspaces.dll"), "delete", id, "--yes"], environment: environment, timeout: Patience);
            foreach (var image in DockerCli.Run("docker", "images", "--format", "{{.Repository}}").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (image.StartsWith($"vsc-{name}-", StringComparison.Ordinal))
                {
                    DockerCli.Run("docker", "rmi", "-f", image);
                }
            }
        }
    }

    private static string ReferenceCli => RepositoryRoot.Combine("tests", "node-tools", "node_modules", "@devcontainers", "cli", "devcontainer.js");

    private static List<string> Compare(UpFacts ours, UpFacts theirs)
    {
        var differences = new List<string>();
        void Check<T>(string what, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                differences.Add($"{what}: ours {a}, reference {b}");
            }
        }

        void CheckList(string what, IReadOnlyList<string> a, IReadOnlyList<string> b)
        {
            if (!a.SequenceEqual(b))
            {
                differences.Add($"{what}: ours [{string.Join(", ", a)}], reference [{string.Join(", ", b)}]");
            }
        }

        Check("exit code", ours.ExitCode, theirs.ExitCode);
        Check("outcome", ours.Outcome, theirs.Outcome);
        if (ours.Outcome == "success" || theirs.Outcome == "success")
        {
            // The reference prints neither on failure.
            Check("remote user", ours.RemoteUser, theirs.RemoteUser);
            Check("workspace folder", ours.WorkspaceFolder, theirs.WorkspaceFolder);
        }

        CheckList("containerEnv (the container's environment)", ours.Env, theirs.Env);
        CheckList("mounts", ours.Mounts, theirs.Mounts);
        CheckList("capAdd", ours.CapAdd, theirs.CapAdd);
        CheckList("securityOpt", ours.SecurityOpt, theirs.SecurityOpt);
        Check("init", ours.Init, theirs.Init);
        Check("privileged", ours.Privileged, theirs.Privileged);
        if (!JsonNode.DeepEquals(ours.Metadata, theirs.Metadata))
        {
            differences.Add($"devcontainer.metadata label: ours {ours.Metadata?.ToJsonString()}, reference {theirs.Metadata?.ToJsonString()}");
        }

        Check("lifecycle commands that ran", ours.Ran, theirs.Ran);
        return differences;
    }

    private static UpFacts Facts(string? container, ProcessResult result, string? outcome, string? remoteUser, string? workspaceFolder, string[] idLabels)
    {
        var output = $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}";
        if (container is null)
        {
            return new UpFacts { ExitCode = result.ExitCode, Outcome = outcome ?? "none", Output = output + "\n(no container)" };
        }

        var details = JsonNode.Parse(DockerCli.Docker("inspect", container))!.AsArray()[0]!;
        var labels = details["Config"]!["Labels"]!.AsObject();
        var devcontainerId = DevContainerId.Compute(idLabels.ToDictionary(l => l, l => labels[l]!.GetValue<string>()));
        var mounts = details["Mounts"]!.AsArray()
            .Where(m => !m!["Destination"]!.GetValue<string>().StartsWith("/workspaces/", StringComparison.Ordinal))
            .Select(m => $"{m!["Type"]} {Source(m, devcontainerId)}→{m["Destination"]}")
            .Order(StringComparer.Ordinal)
            .ToList();
        var ran = DockerCli.Run("docker", "exec", container, "sh", "-c", "for f in /tmp/ran*; do [ -f \"$f\" ] && echo \"$f:\" && cat \"$f\"; done; true").Output.Trim();
        return new UpFacts
        {
            ExitCode = result.ExitCode,
            Outcome = outcome ?? "none",
            RemoteUser = remoteUser,
            WorkspaceFolder = workspaceFolder,
            Env = Strings(details["Config"]!["Env"]),
            Mounts = mounts,
            // The docker CLI (the reference's way to the engine) writes capabilities with their CAP_ prefix.
            CapAdd = [.. Strings(details["HostConfig"]!["CapAdd"]).Select(c => c.StartsWith("CAP_", StringComparison.Ordinal) ? c[4..] : c).Order(StringComparer.Ordinal)],
            SecurityOpt = Strings(details["HostConfig"]!["SecurityOpt"]),
            Init = details["HostConfig"]!["Init"]?.GetValue<bool>() ?? false,
            Privileged = details["HostConfig"]!["Privileged"]?.GetValue<bool>() ?? false,
            Metadata = labels["devcontainer.metadata"] is { } label ? JsonNode.Parse(label.GetValue<string>()) : null,
            Ran = ran,
            Output = output,
        };
    }

    private static string Source(JsonNode mount, string devcontainerId)
    {
        var name = mount["Type"]!.GetValue<string>() == "volume" ? mount["Name"]!.GetValue<string>() : mount["Source"]!.GetValue<string>();

        // Anonymous volumes get a random name from the engine.
        return name.Length == 64 && name.All(char.IsAsciiHexDigitLower) ? "(anonymous)" : name.Replace(devcontainerId, "{id}", StringComparison.Ordinal);
    }

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal)] : [];

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

    private static void RemoveWithVolumes(string? container)
    {
        if (container is null)
        {
            return;
        }

        var volumes = DockerCli.Run("docker", "inspect", "--format", "{{range .Mounts}}{{if eq .Type \"volume\"}}{{.Name}} {{end}}{{end}}", container).Output;
        DockerCli.Run("docker", "rm", "-f", container);
        foreach (var volume in volumes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            DockerCli.Run("docker", "volume", "rm", volume);
        }
    }

    private static string Workspace(string name, string target)
    {
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "Cases", name), target);

        // gitspaces clones the folder; a committed repository is what a user points either tool at.
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
        }

        foreach (var folder in Directory.EnumerateDirectories(source))
        {
            CopyFolder(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }
}
