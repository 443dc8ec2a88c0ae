using Gitspaces.Core.Errors;
using Gitspaces.Core.Providers;
using Gitspaces.Core.State;
using Gitspaces.Core.Tests.Fakes;
using Gitspaces.Protocol;

namespace Gitspaces.Core.Tests.Providers;

public sealed class ProviderRegistryTests
{
    private static readonly StatePaths Paths = new("/nonexistent/data", "/nonexistent/config");

    [Fact]
    public void Ids_are_known_without_creating_any_provider()
    {
        var created = 0;
        var registry = new ProviderRegistry(
        [
            new ProviderRegistration("one") { CreateProvider = _ => { created++; return new FakeProvider("one"); } },
            new ProviderRegistration("two") { CreateProvider = _ => { created++; return new FakeProvider("two"); } },
        ]);

        Assert.Equal(["one", "two"], registry.Ids);
        Assert.Equal(0, created);
        Assert.Equal(["one", "two"], registry.CreateProviders(Paths).Select(p => p.Id));
        Assert.Equal(2, created);
    }

    [Fact]
    public async Task A_channel_is_found_by_the_provider_id_without_the_provider()
    {
        var registry = new ProviderRegistry(
        [
            new ProviderRegistration("channels")
            {
                CreateProvider = _ => throw new InvalidOperationException("the proxy must not create providers"),
                CreateSshChannel = _ => new ChannelProvider(),
                CreatePortChannel = _ => new ChannelProvider(),
            },
        ]);

        await using var ssh = await registry.CreateSshChannel("channels", Paths).OpenSshChannelAsync("g", CancellationToken.None);
        await using var port = await registry.CreatePortChannel("channels", Paths).OpenPortChannelAsync("g", 8080, null, CancellationToken.None);

        Assert.Equal("ssh g", await new StreamReader(ssh).ReadToEndAsync());
        Assert.Equal("port g:8080", await new StreamReader(port).ReadToEndAsync());
    }

    [Fact]
    public void A_provider_without_a_channel_says_how_to_connect_instead()
    {
        var registry = new ProviderRegistry([new ProviderRegistration("plane") { CreateProvider = _ => new FakeProvider("plane") }]);

        var ssh = Assert.Throws<GitspaceException>(() => registry.CreateSshChannel("plane", Paths));
        var port = Assert.Throws<GitspaceException>(() => registry.CreatePortChannel("plane", Paths));

        Assert.Equal(ErrorCodes.NotSupported, ssh.Code);
        Assert.Equal("provider 'plane' has no SSH channel; connect with the SSH command its gitspaces/connect returns.", ssh.Message);
        Assert.Equal("plane", ssh.Details.Provider);
        Assert.Equal(ErrorCodes.NotSupported, port.Code);
    }

    [Fact]
    public void An_id_a_host_does_not_register_has_no_channel_there()
    {
        var registry = new ProviderRegistry([new ProviderRegistration("docker") { CreateSshChannel = _ => new ChannelProvider("docker") }]);

        var error = Assert.Throws<GitspaceException>(() => registry.CreateSshChannel("harness", Paths));

        Assert.Equal(ErrorCodes.NotSupported, error.Code);
        Assert.Equal("provider 'harness' has no SSH channel; connect with the SSH command its gitspaces/connect returns.", error.Message);
    }

    [Fact]
    public void An_id_registered_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ProviderRegistry([new ProviderRegistration("x"), new ProviderRegistration("x")]));
    }
}
