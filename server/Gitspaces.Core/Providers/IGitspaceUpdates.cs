using Gitspaces.Core.Operations;
using Gitspaces.Protocol;

namespace Gitspaces.Core.Providers;

/// <summary>
/// A provider whose gitspaces can change after creation (<c>gitspaces/update</c>): display name, IDE, machine or SSH
/// key, as far as it allows. Without it the service answers <c>NotSupported</c>.
/// </summary>
public interface IGitspaceUpdates
{
    /// <summary>Applies an update; the service has checked the IDE and the name's form, and holds the gitspace's lock.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="update">What to change; absent fields stay.</param>
    /// <param name="context">Reports changes and events; carries cancellation.</param>
    /// <returns>The gitspace as it is afterwards.</returns>
    Task<Gitspace> UpdateAsync(string id, GitspaceUpdate update, IOperationContext context);
}
