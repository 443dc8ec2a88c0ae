namespace Gitspaces.Docker.Engine.Tests;

public sealed class DockerEndpointTests
{
    private const string Advice = "use unix:///path/to/docker.sock, tcp://host:port or npipe://./pipe/name.";

    [Theory]
    [InlineData("unix:///var/run/docker.sock")]
    [InlineData("tcp://10.0.0.5:2376")]
    [InlineData("npipe://./pipe/docker_engine")]
    [InlineData("https://engine.example:2376")]
    [InlineData("  tcp://10.0.0.5:2376 ")]
    public void EngineAddressesParse(string value) =>
        Assert.Equal(value.Trim(), DockerEndpoint.Parse(value, "$.endpoint").OriginalString);

    [Theory]
    [InlineData("ftp://engine.example")]
    [InlineData("not an address")]
    [InlineData("/var/run/docker.sock")]
    public void AnAddressThatIsNotOne_IsRefusedNamingTheFieldItCameFrom(string value)
    {
        var error = Assert.Throws<DockerEndpointException>(() => DockerEndpoint.Parse(value, "DOCKER_HOST"));

        Assert.Equal("DOCKER_HOST", error.Field);
        Assert.Equal($"Invalid Docker host '{value}' (DOCKER_HOST): {Advice}", error.Message);
    }

    [Fact]
    public void TheConfiguredEndpointWins_AndABadOneIsTheConfiguredField()
    {
        Func<string, string?> environment = name => name == "DOCKER_HOST" ? "tcp://10.0.0.5:2376" : null;

        var configured = DockerEndpoint.Resolve("unix:///srv/docker.sock", environment);
        Assert.Equal(("unix:///srv/docker.sock", "configured"), (configured.Address.OriginalString, configured.Source));
        Assert.Equal("$.endpoint", Assert.Throws<DockerEndpointException>(() => DockerEndpoint.Resolve("ftp://x", environment)).Field);
    }

    [Fact]
    public void DockerHostComesNext_AndABadOneIsNamedAsSuch()
    {
        var fromEnvironment = DockerEndpoint.Resolve(null, name => name == "DOCKER_HOST" ? "tcp://10.0.0.5:2376" : null);
        Assert.Equal(("tcp://10.0.0.5:2376", "DOCKER_HOST"), (fromEnvironment.Address.OriginalString, fromEnvironment.Source));

        var error = Assert.Throws<DockerEndpointException>(() => DockerEndpoint.Resolve(" ", name => name == "DOCKER_HOST" ? "docker.sock" : null));
        Assert.Equal("DOCKER_HOST", error.Field);
        Assert.Contains("'docker.sock'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithNeitherTheLocalEngineIsUsed_AndTheDisplayedAddressHasNoUserInfo()
    {
        var local = DockerEndpoint.Resolve(null, _ => null);
        Assert.Equal((DockerEndpoint.LocalDefault, "default"), (local.Address, local.Source));

        var withUser = DockerEndpoint.Resolve("tcp://someone:secret@10.0.0.5:2376", _ => null);
        Assert.DoesNotContain("secret", withUser.Display(), StringComparison.Ordinal);
    }
}
