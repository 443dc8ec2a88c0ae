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
        var capabilities = new List<string>(10);
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

        if (provider is IGitspaceUpdates)
        {
            capabilities.Add(ProviderCapabilities.Update);
        }

        if (provider is IGitspaceQuery)
        {
            capabilities.Add(ProviderCapabilities.ListQuery);
        }

        if (provider is IDisplayNames)
        {
            capabilities.Add(ProviderCapabilities.DisplayNames);
        }

        if (provider is IRegisteredSshKeys)
        {
            capabilities.Add(ProviderCapabilities.SshKeys);
        }

        if (provider is ICreateOptions)
        {
            capabilities.Add(ProviderCapabilities.CreateOptions);
        }

        if (provider is IRepositoryBrowser)
        {
            capabilities.Add(ProviderCapabilities.RepositoryBrowser);
        }

        if (provider is IDotfiles)
        {
            capabilities.Add(ProviderCapabilities.Dotfiles);
        }

        if (provider is IUserSecrets)
        {
            capabilities.Add(ProviderCapabilities.Secrets);
        }

        if (provider is IAutoStop)
        {
            capabilities.Add(ProviderCapabilities.AutoStop);
        }

        return capabilities;
    }

    /// <summary>
    /// Returns what a provider advertises: the capabilities of its interfaces, less those its own
    /// <see cref="ProviderInfo.Capabilities"/> leaves out (a provider sets them when its configuration lacks some, as the
    /// open-source Harness server lacks the hosted API's repository browsing).
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <param name="info">What the provider described.</param>
    /// <returns>The capabilities to advertise.</returns>
    public static IReadOnlyList<string> Of(IGitspaceProvider provider, ProviderInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var all = Of(provider);
        return info.Capabilities is { } offered ? [.. all.Where(offered.Contains)] : all;
    }
}
