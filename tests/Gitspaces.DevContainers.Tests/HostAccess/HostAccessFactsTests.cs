using System.Text.Json.Nodes;
using Gitspaces.DevContainers.HostAccess;

namespace Gitspaces.DevContainers.Tests.HostAccess;

public sealed class HostAccessFactsTests
{
    [Fact]
    public void ListsEveryPropertyThatReachesTheHostAndNothingElse()
    {
        var config = JsonNode.Parse("""
            {
              "image": "debian",
              "initializeCommand": ["make", "init"],
              "mounts": [
                "source=/home/me/.aws,target=/aws,type=bind",
                { "type": "bind", "source": "/var/run/docker.sock", "target": "/var/run/docker.sock" },
                "source=cache,target=/cache,type=volume",
                { "type": "tmpfs", "target": "/tmp" }
              ],
              "privileged": true,
              "capAdd": ["SYS_PTRACE"],
              "securityOpt": ["seccomp=unconfined"],
              "runArgs": ["--cpus", "2", "--pid=host", "--network", "host", "--ipc", "container:other", "-v", "/etc:/etc", "--mount", "type=bind,src=/srv,dst=/srv", "--env", "A=host", "--privileged", "--cap-add=NET_ADMIN", "--device", "/dev/kvm"]
            }
            """)!.AsObject();

        var facts = HostAccessFacts.Of(config);

        Assert.Equal(
            [
                ("hostCommand", "$.initializeCommand"), ("hostMount", "$.mounts[0]"), ("privilege", "$.mounts[1]"), ("privilege", "$.privileged"),
                ("privilege", "$.capAdd[0]"), ("privilege", "$.securityOpt[0]"), ("privilege", "$.runArgs[2]"), ("privilege", "$.runArgs[3]"),
                ("privilege", "$.runArgs[5]"), ("hostMount", "$.runArgs[7]"), ("hostMount", "$.runArgs[9]"), ("privilege", "$.runArgs[13]"),
                ("privilege", "$.runArgs[14]"), ("privilege", "$.runArgs[15]"),
            ],
            facts.Select(f => (f.Kind, f.Property)));
        Assert.Equal("make init", facts[0].Detail);
        Assert.Contains("/home/me/.aws", facts[1].Detail, StringComparison.Ordinal);
        Assert.Contains("socket", facts[2].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AConfigurationThatStaysInItsContainerAsksForNothing()
    {
        var config = JsonNode.Parse("""
            { "image": "debian", "mounts": ["source=v,target=/v,type=volume"], "runArgs": ["--cpus=2", "--pid", "private", "--network=bridge"], "privileged": false, "postCreateCommand": "make" }
            """)!.AsObject();

        Assert.Empty(HostAccessFacts.Of(config));
    }
}
