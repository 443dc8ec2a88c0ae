using Gitspaces.Core.State;

namespace Gitspaces.Core.Trust;

/// <summary>
/// The default policy, in the spirit of VS Code's Workspace Trust (docs/security.md): a folder the user pointed at is
/// their own code and gets everything it asks; a repository cloned from a URL is untrusted until the user trusts it
/// (<see cref="TrustRequest.Consent"/>, remembered in a <see cref="TrustStore"/> until revoked). Until then every way it
/// asks to reach this machine is refused, and the provider fails the operation naming them.
/// </summary>
public sealed class RepositoryTrustPolicy : ITrustPolicy
{
    private readonly TrustStore? store;

    /// <summary>Initializes a new instance of the <see cref="RepositoryTrustPolicy"/> class.</summary>
    /// <param name="store">The remembered decisions; without one, consent holds for the request only.</param>
    public RepositoryTrustPolicy(TrustStore? store = null)
    {
        this.store = store;
    }

    /// <inheritdoc/>
    public ValueTask<TrustAnswer> DecideAsync(TrustRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Accesses.Count == 0 || request.IsLocalFolder)
        {
            return ValueTask.FromResult(TrustAnswer.GrantAll(request));
        }

        if (request.Consent)
        {
            this.store?.Trust(request.Repository);
            return ValueTask.FromResult(TrustAnswer.GrantAll(request));
        }

        return ValueTask.FromResult(this.store?.IsTrusted(request.Repository) == true
            ? TrustAnswer.GrantAll(request)
            : new TrustAnswer { Granted = [], Refused = request.Accesses });
    }
}
