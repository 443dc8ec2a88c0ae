using Gitspaces.Core.Errors;
using Gitspaces.Core.Providers;
using Gitspaces.Core.State;

namespace Gitspaces.Server.Composition;

/// <summary>Creates the providers the sidecar ships with.</summary>
internal static class ProviderFactory
{
    public static IReadOnlyList<IGitspaceProvider> Create(StatePaths paths)
    {
        _ = paths;
        throw GitspaceException.ProviderUnavailable("docker", "No provider is built into this sidecar yet.");
    }
}
