namespace Gitspaces.Core.Providers;

/// <summary>
/// A provider whose gitspaces other state homes reach too (two users' sidecars, or a test run and a user, on one Docker
/// engine). Each home's own lock is a file in that home, which the others cannot see; an operation also takes this
/// lock, held where every home looks, so that homes exclude each other as two sidecars of one home do.
/// </summary>
public interface ISharedLocks
{
    /// <summary>Takes the gitspace's shared lock without waiting; called after the home's own lock is held.</summary>
    /// <param name="gitspaceId">The gitspace.</param>
    /// <param name="cancellationToken">Stops the attempt.</param>
    /// <returns>The held lock; disposing it lets go.</returns>
    /// <exception cref="Errors.GitspaceException">GitspaceBusy naming the other home's operation while it runs.</exception>
    Task<IAsyncDisposable> LockAsync(string gitspaceId, CancellationToken cancellationToken);
}
