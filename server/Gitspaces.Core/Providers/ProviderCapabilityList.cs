using Gitspaces.Core.Ports;
using Gitspaces.Core.Ssh;
using Gitspaces.Protocol;

namespace Gitspaces.Core.Providers;

/// <summary>Reads a provider's <see cref="ProviderInfo.Capabilities"/> off the optional interfaces it implements, so what is advertised is what is there.</summary>
public static class ProviderCapabilityList
{
    /// <summary>Returns the capabilities of a provider.</summary>
    /// <param name="provider">The provider.</param>
    /// <returns>The <see cref="ProviderCapabilities"/> values, in a fixed order.</returns>
    public static IReadOnlyList<string> Of(IGitspaceProvider provider)
    {
        var capabilities = new List<string>(4);
        if (provider is ISshChannelProvider)
        {
            capabilities.Add(ProviderCapabilities.SshChannel);
        }

        if (provider is IPortChannelProvider)
        {
            capabilities.Add(ProviderCapabilities.PortChannel);
        }

        if (provider is IProviderHistory)
        {
            capabilities.Add(ProviderCapabilities.ProviderHistory);
        }

        if (provider is IBackgroundWork)
        {
            capabilities.Add(ProviderCapabilities.BackgroundWork);
        }

        return capabilities;
    }
}
