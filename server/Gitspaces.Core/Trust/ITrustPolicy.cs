namespace Gitspaces.Core.Trust;

/// <summary>
/// Decides how far a repository's configuration may reach the machine it runs on. The service owns one policy and
/// answers every provider's <see cref="Operations.IOperationContext.RequestTrustAsync"/> with it, so the decision and
/// whatever it remembers live in one place whichever provider asks.
/// </summary>
public interface ITrustPolicy
{
    /// <summary>Decides a request.</summary>
    /// <param name="request">What the configuration asks for.</param>
    /// <param name="cancellationToken">Cancels a decision that waits (for example on a person).</param>
    /// <returns>Every listed access, granted or refused.</returns>
    ValueTask<TrustAnswer> DecideAsync(TrustRequest request, CancellationToken cancellationToken);
}
