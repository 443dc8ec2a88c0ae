using System.Net;
using System.Text.Json.Nodes;
using Docker.DotNet.Models;
using Gitspaces.Docker.Engine;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

/// <summary>
/// The create body we write says what Docker.DotNet's own serializer (Newtonsoft.Json over its models) would send for
/// the same parameters: every field our builders can set, with every runArgs flag of the allow-list applied.
/// Docker.DotNet also sends unset fields as false, 0 or empty, which the engine reads as its defaults; those are
/// dropped from its side before comparing. The engine itself creates containers from it.
/// </summary>
[Collection(DockerTests.Name)]
public sealed class ContainerCreateJsonTests(DockerEnvironment environment)
{
    [Fact]
    public async Task TheEngineCreatesContainers_FromOurOwnJson()
    {
        var engine = new EngineClient(DockerEndpoint.Resolve(null, Environment.GetEnvironmentVariable));
        var name = "gitspace-" + environment.Name("created");
        var parameters = new CreateContainerParameters
        {
            Name = name,
            Image = DockerEnvironment.BaseImage,
            Labels = new Dictionary<string, string> { ["dev.gitspaces.test-run"] = environment.RunId },
            Env = ["GREETING=hi"],
            Cmd = ["sleep", "300"],
            HostConfig = new HostConfig { CapAdd = ["SYS_PTRACE"], Init = true },
        };
        try
        {
            var id = await engine.CreateContainerAsync(name, ContainerCreateJson.Write(parameters), CancellationToken.None);

            Assert.Equal(id, DockerCli.Docker("inspect", "-f", "{{.Id}}", name));
            Assert.Equal("[SYS_PTRACE] true", DockerCli.Docker("inspect", "-f", "{{.HostConfig.CapAdd}} {{.HostConfig.Init}}", name));
            Assert.Contains("GREETING=hi", DockerCli.Docker("inspect", "-f", "{{.Config.Env}}", name), StringComparison.Ordinal);
            var refused = await Assert.ThrowsAsync<EngineException>(() => engine.CreateContainerAsync(name, ContainerCreateJson.Write(parameters), CancellationToken.None));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        }
        finally
        {
            DockerCli.Run("docker", "rm", "-f", name);
        }
    }

    [Fact]
    public void EveryFieldTheBuildersSet_IsWrittenAsDockerDotNetWouldSendIt()
    {
        var parameters = new CreateContainerParameters
        {
            Name = "gitspace-json",
            Image = "gitspaces-base:bookworm",
            Labels = new Dictionary<string, string> { ["dev.gitspaces.id"] = "json", ["with \"quotes\""] = "and \\ backslash" },
            Env = ["A=1", "UNICODE=ü✓"],
            Entrypoint = ["/bin/sh"],
            Cmd = ["-c", "echo Container started\nexec \"$@\"", "-"],
            User = "root",
            HostConfig = new HostConfig
            {
                Mounts = [new Mount { Type = "volume", Source = "gitspace-json-workspace", Target = "/workspaces/json" }],
                Init = true,
                CapAdd = ["SYS_PTRACE"],
                SecurityOpt = ["seccomp=unconfined"],
            },
        };
        Ports.Publish(parameters, "127.0.0.1:8080:80", "devcontainer.json");
        string[] runArgs =
        [
            "--add-host=db:10.0.0.2", "--cap-add=NET_ADMIN", "--cap-drop=MKNOD", "--cpus=1.5", "--dns=1.1.1.1", "--dns-search=corp",
            "--dns-option=ndots:2", "--env=B=2", "--hostname=box", "--init", "--ipc=private", "--label=team=tools", "--memory=512m",
            "--mount=type=bind,source=/tmp,target=/host-tmp,readonly", "--network=bridge", "--pid=private", "--pids-limit=100",
            "--platform=linux/amd64", "--privileged", "--publish=127.0.0.1:3000:3000/udp", "--security-opt=label=disable", "--shm-size=1g",
            "--sysctl=net.ipv4.ip_forward=1", "--tmpfs=/run/cache:size=64m", "--user=dev", "--stop-signal=SIGINT", "--stop-timeout=7",
        ];
        Assert.Equal(RunArgs.Allowed.Order(), runArgs.Select(a => a.Split('=')[0]).Order());
        RunArgs.Apply(runArgs, parameters, "devcontainer.json");

        var ours = JsonNode.Parse(ContainerCreateJson.Write(parameters))!;
        var theirs = Meaningful(JsonNode.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(parameters, new Newtonsoft.Json.JsonSerializerSettings { NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore }))!)!;
        theirs.AsObject().Remove("Name");

        Assert.True(JsonNode.DeepEquals(theirs, ours), $"ours:   {ours.ToJsonString()}\ntheirs: {theirs.ToJsonString()}");
        Assert.Equal("1500000000", ours["HostConfig"]!["NanoCpus"]!.ToJsonString());
        Assert.Equal("7", ours["StopTimeout"]!.ToJsonString());
        Assert.Equal("linux/amd64", RunArgs.PlatformOf(runArgs));
        Assert.Equal("linux/arm64", RunArgs.PlatformOf(["--platform", "linux/amd64", "--init", "--platform", "linux/arm64"]));
        Assert.Null(RunArgs.PlatformOf(["--init"]));
    }

    [Fact]
    public void AnEmptyRequestIsTheImageAlone()
    {
        var json = JsonNode.Parse(ContainerCreateJson.Write(new CreateContainerParameters { Image = "debian" }))!;

        Assert.Equal("""{"Image":"debian"}""", json.ToJsonString());
    }

    // Drops what the engine reads as unset: null, false, 0, "" (nested objects keep their keys, as ExposedPorts' {}).
    private static JsonNode? Meaningful(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var kept = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (Meaningful(value) is { } meaningful)
                    {
                        kept[key] = meaningful;
                    }
                    else if (value is JsonObject { Count: 0 })
                    {
                        kept[key] = new JsonObject();
                    }
                }

                return kept.Count == 0 && obj.Count > 0 ? null : kept;
            case JsonArray array:
                return new JsonArray([.. array.Select(i => i?.DeepClone())]);
            case JsonValue value when value.GetValueKind() is System.Text.Json.JsonValueKind.False or System.Text.Json.JsonValueKind.Null:
                return null;
            case JsonValue value when value.GetValueKind() is System.Text.Json.JsonValueKind.Number && value.ToJsonString() == "0":
                return null;
            case JsonValue value when value.GetValueKind() is System.Text.Json.JsonValueKind.String && value.ToString().Length == 0:
                return null;
            default:
                return node?.DeepClone();
        }
    }
}
