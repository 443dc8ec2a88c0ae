using Gitspaces.Core.Ports;
using Gitspaces.Core.Ssh;
using Gitspaces.Core.State;

namespace Gitspaces.Core.Providers;

/// <summary>
/// One provider a host ships with: its id, and factories for the provider and for the channels it offers on their
/// own. A channel is created without the provider because every SSH connection starts a process that pays for what
/// it loads.
/// </summary>
/// <param name="Id">The provider id used on the wire.</param>
public sealed record ProviderRegistration(string Id)
{
    /// <summary>Gets the factory of the provider, or <see langword="null"/> in a host that only needs its channels (the SSH proxy).</summary>
    public Func<StatePaths, IGitspaceProvider>? CreateProvider { get; init; }

    /// <summary>Gets the factory of the provider's SSH channel, when its gitspaces are reached through the proxy.</summary>
    public Func<StatePaths, ISshChannelProvider>? CreateSshChannel { get; init; }

    /// <summary>Gets the factory of the provider's port channel, when it can forward ports.</summary>
    public Func<StatePaths, IPortChannelProvider>? CreatePortChannel { get; init; }
}
