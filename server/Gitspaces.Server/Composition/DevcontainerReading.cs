using Gitspaces.Core.Errors;
using Gitspaces.Core.State;
using Gitspaces.Protocol;

namespace Gitspaces.Server.Composition;

/// <summary>Reads a repository's devcontainer.json for <c>devcontainer/read</c> and <c>gitspaces devcontainer read</c>.</summary>
internal static class DevcontainerReading
{
    public static Task<DevcontainerReadResult> ReadAsync(DevcontainerReadParams request, StatePaths paths, CancellationToken cancellationToken)
    {
        _ = (request, paths, cancellationToken);
        throw new GitspaceException(ErrorCodes.NotSupported, "devcontainer/read is not available in this build.");
    }
}
