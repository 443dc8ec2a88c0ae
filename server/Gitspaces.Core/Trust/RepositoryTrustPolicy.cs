namespace Gitspaces.Core.Trust;

/// <summary>
/// The default policy: a folder the user pointed at is their own code and gets everything it asks; a repository
/// cloned from a URL is someone else's, and only the container isolates it, so a command on this machine is refused.
/// What else it asks for is granted, as the container's own rules (the provider's allow-lists) still apply.
/// </summary>
public sealed class RepositoryTrustPolicy : ITrustPolicy
{
    /// <inheritdoc/>
    public ValueTask<TrustAnswer> DecideAsync(TrustRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.IsLocalFolder)
        {
            return ValueTask.FromResult(TrustAnswer.GrantAll(request));
        }

        var refused = request.Accesses.Where(a => a.Kind == HostAccessKinds.HostCommand).ToList();
        return ValueTask.FromResult(new TrustAnswer { Granted = [.. request.Accesses.Except(refused)], Refused = refused });
    }
}
