using System.Runtime.CompilerServices;
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

    public SidecarServices(StatePaths paths)
    {
        this.Paths = paths;
        this.gitspaces = new Lazy<GitspaceService>(() => new GitspaceService(CreateProviders(paths), paths), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public StatePaths Paths { get; }

    /// <summary>Gets the provider ids, without loading any provider.</summary>
    public static IReadOnlyList<string> ProviderIds { get; } = ["docker", "harness"];

    public GitspaceService Gitspaces => this.gitspaces.Value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IReadOnlyList<IGitspaceProvider> CreateProviders(StatePaths paths) => ProviderFactory.Create(paths);
}
