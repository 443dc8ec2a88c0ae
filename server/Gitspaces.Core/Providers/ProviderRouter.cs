using System.Collections.Concurrent;
using Gitspaces.Core.Errors;
using Gitspaces.Core.State;
using Gitspaces.Protocol;

namespace Gitspaces.Core.Providers;

/// <summary>
/// Finds which provider a gitspace belongs to: from what was seen before (a list, a create, a watch), else by asking
/// every configured provider in turn. A provider that cannot answer makes "not found" unsure, so that is said instead.
/// </summary>
internal sealed class ProviderRouter
{
    private readonly IReadOnlyList<IGitspaceProvider> providers;
    private readonly StatePaths paths;
    private readonly ConcurrentDictionary<string, IGitspaceProvider> providerOfId = new(StringComparer.Ordinal);

    public ProviderRouter(IReadOnlyList<IGitspaceProvider> providers, StatePaths paths)
    {
        this.providers = providers;
        this.paths = paths;
    }

    /// <summary>Returns the provider with an id, or an invalid-params error naming <paramref name="field"/>.</summary>
    public IGitspaceProvider Named(string id, string field) =>
        this.providers.FirstOrDefault(p => p.Id == id)
        ?? throw GitspaceException.InvalidParams(field, $"Invalid params: provider '{id}' is not one of {string.Join(", ", this.providers.Select(p => p.Id))}.");

    /// <summary>Notes which provider a gitspace belongs to.</summary>
    public void Remember(IGitspaceProvider provider, string gitspaceId) => this.providerOfId[gitspaceId] = provider;

    /// <summary>Notes which provider each gitspace belongs to.</summary>
    public void Remember(IGitspaceProvider provider, IEnumerable<Gitspace> gitspaces)
    {
        foreach (var gitspace in gitspaces)
        {
            this.Remember(provider, gitspace.Id);
        }
    }

    /// <summary>Forgets a deleted gitspace.</summary>
    public void Forget(string gitspaceId) => this.providerOfId.TryRemove(gitspaceId, out _);

    /// <summary>Finds a gitspace and its provider.</summary>
    public async Task<(IGitspaceProvider Provider, Gitspace Gitspace)> ResolveAsync(string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw GitspaceException.InvalidParams("$.id", "Invalid params: id is required.");
        }

        if (this.providerOfId.TryGetValue(id, out var known) && await known.FindAsync(id, cancellationToken) is { } found)
        {
            return (known, found);
        }

        GitspaceException? unavailable = null;
        foreach (var provider in this.providers)
        {
            if (!(await provider.DescribeAsync(false, cancellationToken)).Configured)
            {
                continue;
            }

            try
            {
                if (await provider.FindAsync(id, cancellationToken) is { } gitspace)
                {
                    this.providerOfId[id] = provider;
                    return (provider, gitspace);
                }
            }
            catch (GitspaceException ex) when (ex.Code is ErrorCodes.ProviderUnavailable or ErrorCodes.Unauthorized)
            {
                unavailable ??= ex;
            }
        }

        // When a provider could not answer, "not found" might be wrong: say why we could not look.
        throw unavailable ?? GitspaceException.NotFound(id);
    }

    /// <summary>Finds the provider whose history a gitspace has, even when the gitspace itself is gone.</summary>
    public async Task<IGitspaceProvider> OfHistoryAsync(string id, CancellationToken cancellationToken)
    {
        if (this.providerOfId.TryGetValue(id, out var known))
        {
            return known;
        }

        try
        {
            return (await this.ResolveAsync(id, cancellationToken)).Provider;
        }
        catch (GitspaceException ex) when (ex.Code == ErrorCodes.GitspaceNotFound)
        {
            // A gitspace whose container is gone may still have history worth reading.
            foreach (var provider in this.providers.Where(p => p is not IProviderHistory))
            {
                if (Directory.Exists(this.paths.GitspaceDirectoryPath(provider.Id, id)))
                {
                    return provider;
                }
            }

            throw;
        }
    }
}
