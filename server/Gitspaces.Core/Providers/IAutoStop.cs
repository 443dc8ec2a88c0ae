using Gitspaces.Core.Operations;
using Gitspaces.Protocol;

namespace Gitspaces.Core.Providers;

/// <summary>
/// A provider whose gitspaces stop themselves after a time without use (capability <c>autoStop</c>): create takes
/// <see cref="CreateRequest.AutoStopSeconds"/>, and the timeout can change later. The gitspace enforces it itself, so it
/// works with no sidecar running; it records <c>gitspace_action_auto_stop</c> when it stops.
/// </summary>
public interface IAutoStop
{
    /// <summary>Changes a gitspace's idle timeout; a running gitspace applies it at once.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="seconds">The timeout in seconds; 0 for never.</param>
    /// <param name="context">Reports progress; carries cancellation.</param>
    /// <returns>The gitspace afterwards.</returns>
    Task<Gitspace> SetAutoStopAsync(string id, int seconds, IOperationContext context);
}
