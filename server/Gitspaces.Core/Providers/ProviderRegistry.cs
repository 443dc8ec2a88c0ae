using Gitspaces.Core.Errors;
using Gitspaces.Core.Ports;
using Gitspaces.Core.Ssh;
using Gitspaces.Core.State;
using Gitspaces.Protocol;

namespace Gitspaces.Core.Providers;

/// <summary>
/// The providers a host ships with, known by id without loading any of them: <c>initialize</c> lists the ids, the SSH
/// proxy finds a channel by the id its SSH entry names, and the service gets the providers only when it is first used.
/// </summary>
public sealed class ProviderRegistry
{
    private readonly IReadOnlyList<ProviderRegistration> registrations;

    /// <summary>Initializes a new instance of the <see cref="ProviderRegistry"/> class.</summary>
    /// <param name="registrations">The providers, the default first; ids are unique.</param>
    public ProviderRegistry(IReadOnlyList<ProviderRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        var duplicate = registrations.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Provider '{duplicate.Key}' is registered twice.", nameof(registrations));
        }

        this.registrations = registrations;
        this.Ids = [.. registrations.Select(r => r.Id)];
    }

    /// <summary>Gets the provider ids, the default first.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Creates every provider that has a factory, in registration order.</summary>
    /// <param name="paths">The state directory.</param>
    /// <returns>The providers.</returns>
    public IReadOnlyList<IGitspaceProvider> CreateProviders(StatePaths paths) =>
        [.. this.registrations.Where(r => r.CreateProvider is not null).Select(r => r.CreateProvider!(paths))];

    /// <summary>Creates a provider's SSH channel on its own.</summary>
    /// <param name="providerId">The provider id, as the gitspace's SSH entry names it.</param>
    /// <param name="paths">The state directory.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="GitspaceException">
    /// The provider has no SSH channel here (NotSupported). A host may register only the providers whose channels it
    /// carries (the NativeAOT proxy knows Docker alone), so an id it does not know gets the same answer.
    /// </exception>
    public ISshChannelProvider CreateSshChannel(string providerId, StatePaths paths) =>
        this.registrations.FirstOrDefault(r => r.Id == providerId)?.CreateSshChannel?.Invoke(paths)
        ?? throw NoChannel(providerId, $"provider '{providerId}' has no SSH channel; connect with the SSH command its gitspaces/connect returns.");

    /// <summary>Creates a provider's port channel on its own.</summary>
    /// <param name="providerId">The provider id.</param>
    /// <param name="paths">The state directory.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="GitspaceException">The provider cannot forward ports here (NotSupported).</exception>
    public IPortChannelProvider CreatePortChannel(string providerId, StatePaths paths) =>
        this.registrations.FirstOrDefault(r => r.Id == providerId)?.CreatePortChannel?.Invoke(paths)
        ?? throw NoChannel(providerId, $"provider '{providerId}' cannot forward ports of its gitspaces.");

    private static GitspaceException NoChannel(string providerId, string message) =>
        new(ErrorCodes.NotSupported, message, new ErrorData { Kind = nameof(ErrorCodes.NotSupported), Provider = providerId });
}
