using Gitspaces.TestSupport;

namespace Gitspaces.Compose.Tests;

/// <summary>The compose CLI this machine has (scripts/setup-test-machine.sh installs Debian's docker-compose when no v2 plugin answers).</summary>
public sealed class ComposeCliTests
{
    private static readonly Dictionary<string, string?> NoVariables = [];

    [Fact]
    public async Task ItIsFound_AndMergesOurOverrideSoThatEveryValueArrivesAsGiven()
    {
        var cli = await ComposeCli.LocateAsync(NoVariables, CancellationToken.None);
        Assert.True(cli.MajorVersion is 1 or 2, cli.Version);
        Assert.Equal(cli.MajorVersion == 2 ? "docker compose" : "docker-compose", cli.DisplayName);

        var folder = TempDirectory.Create("compose-cli");
        File.WriteAllText(Path.Combine(folder, "docker-compose.yml"), "version: '3.8'\nservices:\n  app:\n    image: base\n    environment:\n      FROM_DOTENV: ${GREETING}\n      KEPT: kept\n    volumes:\n      - ..:/workspace:cached\n");
        File.WriteAllText(Path.Combine(folder, ".env"), "GREETING=hello\n");
        var tricky = "c$1 'q' \"d\" ${NOT_A_VARIABLE} \\n";
        File.WriteAllText(Path.Combine(folder, "override.yml"), ComposeOverrideWriter.Write(new ComposeOverride
        {
            Version = ComposeConfigReader.ReadVersion(File.ReadAllText(Path.Combine(folder, "docker-compose.yml"))),
            Services =
            [
                new ComposeServiceOverride
                {
                    Name = "app",
                    Environment = new Dictionary<string, string> { ["TRICKY"] = tricky },
                    Labels = new Dictionary<string, string> { ["json"] = "[{\"postCreateCommand\":\"echo $HOME\"}]" },
                    Volumes = ["gitspace-ws:/workspace"],
                },
            ],
            ExternalVolumes = ["gitspace-ws"],
        }));
        var lines = new List<string>();

        var result = await cli.RunAsync(["-f", "docker-compose.yml", "-f", "override.yml", "config"], folder, (_, line) => lines.Add(line), CancellationToken.None);

        Assert.True(result.ExitCode == 0, string.Join('\n', result.Tail));
        Assert.NotEmpty(lines);
        var app = ComposeConfigReader.Read(result.StandardOutput).Service("app")!;
        Assert.Equal([new ComposeMount("volume", "gitspace-ws", "/workspace", false)], app.Volumes);
        var printed = result.StandardOutput;
        Assert.Contains("hello", printed, StringComparison.Ordinal);
        Assert.Contains("kept", printed, StringComparison.Ordinal);
        Assert.Contains("NOT_A_VARIABLE", printed, StringComparison.Ordinal);
        Assert.Contains("echo $", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatServicesAskOfTheHost_IsReadFromTheMergedConfiguration()
    {
        // The second file adds the host-reaching properties to a service the first file declares plainly: only the
        // merged configuration shows them (docs/security.md).
        var cli = await ComposeCli.LocateAsync(NoVariables, CancellationToken.None);
        var folder = TempDirectory.Create("compose-cli-host");
        File.WriteAllText(Path.Combine(folder, "docker-compose.yml"), "version: '3.8'\nservices:\n  app:\n    image: base\n  tools:\n    image: base\n");
        File.WriteAllText(Path.Combine(folder, "more.yml"), """
            version: '3.8'
            services:
              tools:
                privileged: true
                pid: host
                ipc: host
                userns_mode: host
                network_mode: host
                cap_add: [SYS_ADMIN]
                security_opt: ["seccomp:unconfined"]
                devices: ["/dev/fuse:/dev/fuse:rwm"]
                volumes_from: ["container:someone-else", "app"]
                volumes:
                  - /var/run/docker.sock:/var/run/docker.sock
                  - hostdir:/h
            volumes:
              hostdir:
                driver_opts: { type: none, o: bind, device: /etc }
            secrets:
              s:
                file: /etc/hostname
            """);

        var result = await cli.RunAsync(["-f", "docker-compose.yml", "-f", "more.yml", "config"], folder, null, CancellationToken.None);

        Assert.True(result.ExitCode == 0, string.Join('\n', result.Tail));
        var project = ComposeConfigReader.Read(result.StandardOutput);
        var tools = project.Service("tools")!;
        Assert.True(tools.Privileged);
        Assert.Equal("host", tools.NetworkMode);
        Assert.Equal("host", tools.NamespaceModes["pid"]);
        Assert.Equal("host", tools.NamespaceModes["ipc"]);
        Assert.Equal("host", tools.NamespaceModes["userns_mode"]);
        Assert.Equal(["SYS_ADMIN"], tools.CapAdd);
        Assert.Equal(["seccomp:unconfined"], tools.SecurityOpt);
        Assert.Equal(["/dev/fuse"], tools.Devices);
        Assert.Contains(tools.VolumesFrom, v => v.StartsWith("container:someone-else", StringComparison.Ordinal));
        Assert.Contains(new ComposeMount("bind", "/var/run/docker.sock", "/var/run/docker.sock", false), tools.Volumes);
        Assert.Equal("/etc", project.VolumeDevices["hostdir"]);
        Assert.Equal(("secrets.s", "/etc/hostname"), Assert.Single(project.FileSources));
        var app = project.Service("app")!;
        Assert.False(app.Privileged);
        Assert.Empty(app.NamespaceModes);
        Assert.Empty(app.CapAdd);
    }

    [Fact]
    public async Task AFailureKeepsComposesOwnMessage()
    {
        var cli = await ComposeCli.LocateAsync(NoVariables, CancellationToken.None);
        var folder = TempDirectory.Create("compose-cli-bad");
        File.WriteAllText(Path.Combine(folder, "docker-compose.yml"), "services:\n  app:\n    image: [unclosed\n");

        var result = await cli.RunAsync(["config"], folder, null, CancellationToken.None);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("docker-compose.yml", string.Join('\n', result.Tail), StringComparison.Ordinal);
        Assert.NotEmpty(result.Reason);
    }
}
