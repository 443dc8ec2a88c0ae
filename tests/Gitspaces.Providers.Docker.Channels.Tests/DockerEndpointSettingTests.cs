using Gitspaces.Core.Errors;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker.Channels.Tests;

/// <summary>An engine address the client cannot use reaches clients as a bad parameter naming where it came from.</summary>
public sealed class DockerEndpointSettingTests
{
    [Fact]
    public void ABadConfiguredEndpoint_IsInvalidParamsOfTheEndpointField()
    {
        var checkedValue = Assert.Throws<GitspaceException>(() => DockerEndpointSetting.Parse("ftp://engine.example", "$.endpoint"));
        var resolved = Assert.Throws<GitspaceException>(() => DockerEndpointSetting.Resolve("ftp://engine.example", _ => null));

        foreach (var error in new[] { checkedValue, resolved })
        {
            Assert.Equal(ErrorCodes.InvalidParams, error.Code);
            Assert.Equal(nameof(ErrorCodes.InvalidParams), error.Details.Kind);
            Assert.Equal("$.endpoint", error.Details.Field);
            Assert.Equal("Invalid Docker host 'ftp://engine.example' ($.endpoint): use unix:///path/to/docker.sock, tcp://host:port or npipe://./pipe/name.", error.Message);
        }
    }

    [Fact]
    public void ABadDockerHost_IsInvalidParamsNamingDockerHost_AndAGoodOneResolves()
    {
        var error = Assert.Throws<GitspaceException>(() => DockerEndpointSetting.Resolve(null, name => name == "DOCKER_HOST" ? "docker.sock" : null));
        Assert.Equal(("DOCKER_HOST", ErrorCodes.InvalidParams), (error.Details.Field, error.Code));

        var endpoint = DockerEndpointSetting.Resolve(null, name => name == "DOCKER_HOST" ? "tcp://10.0.0.5:2376" : null);
        Assert.Equal(new Uri("tcp://10.0.0.5:2376"), endpoint.Address);
        Assert.Equal(new Uri("unix:///srv/docker.sock"), DockerEndpointSetting.Parse("unix:///srv/docker.sock", "$.endpoint"));
    }
}
