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

    [Fact]
    public void The_optional_operations_are_capabilities_in_a_fixed_order() =>
        Assert.Equal(
            [ProviderCapabilities.Update, ProviderCapabilities.ListQuery, ProviderCapabilities.DisplayNames, ProviderCapabilities.SshKeys, ProviderCapabilities.CreateOptions, ProviderCapabilities.RepositoryBrowser],
            ProviderCapabilityList.Of(new HostedProvider()));

    [Fact]
    public void A_provider_can_withhold_what_its_configuration_lacks_but_never_add_what_it_does_not_implement()
    {
        var info = new ProviderInfo { Id = "hosted", DisplayName = "Hosted", Kind = "hosted", Configured = true, Reachable = false, Capabilities = [ProviderCapabilities.Update, ProviderCapabilities.SshChannel] };

        Assert.Equal([ProviderCapabilities.Update], ProviderCapabilityList.Of(new HostedProvider(), info));
        Assert.Equal(ProviderCapabilityList.Of(new HostedProvider()), ProviderCapabilityList.Of(new HostedProvider(), info with { Capabilities = null }));
    }
}
