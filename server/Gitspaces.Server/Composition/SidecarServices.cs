using Gitspaces.Core;
using Gitspaces.Core.Providers;
using Gitspaces.Core.State;

namespace Gitspaces.Server.Composition;

/// <summary>
/// Builds the service layer on first use, so that <c>initialize</c> and <c>--version</c> never load Docker, git or
/// HTTP assemblies: start-up stays as lean as a bare console app.
/// </summary>
internal sealed class SidecarServices
{
    private readonly Lazy<GitspaceService> gitspaces;

    public SidecarServices(StatePaths paths, ProviderRegistry? registry = null)
    {
        this.Paths = paths;
        this.Registry = registry ?? ProviderFactory.Registry;
        this.gitspaces = new Lazy<GitspaceService>(() => new GitspaceService(this.Registry.CreateProviders(paths), paths), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public StatePaths Paths { get; }

    /// <summary>Gets the providers the sidecar ships with, known by id without loading any of them.</summary>
    public ProviderRegistry Registry { get; }

    public GitspaceService Gitspaces => this.gitspaces.Value;
}
