using Gitspaces.Core.Providers;
using Gitspaces.Core.Tests.Fakes;
using Gitspaces.Protocol;

namespace Gitspaces.Core.Tests.Providers;

public sealed class ProviderCapabilityListTests
{
    [Fact]
    public void A_provider_with_no_optional_interface_has_no_capability() =>
        Assert.Empty(ProviderCapabilityList.Of(new FakeProvider()));

    [Fact]
    public void Each_optional_interface_is_one_capability() =>
        Assert.Equal([ProviderCapabilities.SshChannel, ProviderCapabilities.PortChannel], ProviderCapabilityList.Of(new ChannelProvider()));
}
