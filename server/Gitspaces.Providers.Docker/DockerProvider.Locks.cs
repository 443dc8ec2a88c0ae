using Gitspaces.Core.Providers;
using Gitspaces.Docker.Engine;
using Gitspaces.Providers.Docker.Locking;

namespace Gitspaces.Providers.Docker;

/// <content>The engine-side lock that keeps state homes sharing an engine apart.</content>
public sealed partial class DockerProvider : ISharedLocks
{
    /// <inheritdoc/>
    public async Task<IAsyncDisposable> LockAsync(string gitspaceId, CancellationToken cancellationToken)
    {
        try
        {
            return await EngineLock.AcquireAsync(this.Engine, gitspaceId, this.home.Value, DateTimeOffset.UtcNow, EngineLock.IsAlive, cancellationToken);
        }
        catch (Exception ex) when (ex is not Core.Errors.GitspaceException && DockerFailures.IsUnreachable(ex))
        {
            throw DockerFailures.Unreachable(this.engines.Endpoint, ex);
        }
        catch (EngineException ex)
        {
            throw new Core.Errors.GitspaceException(Protocol.ErrorCodes.ProviderUnavailable, $"The Docker engine refused the lock of gitspace '{gitspaceId}': {ex.Message}", new Protocol.ErrorData
            {
                Kind = nameof(Protocol.ErrorCodes.ProviderUnavailable),
                GitspaceId = gitspaceId,
                Provider = ProviderId,
            });
        }
    }
}
