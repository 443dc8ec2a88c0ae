using Gitspaces.Protocol;

namespace Gitspaces.Core.Providers;

/// <summary>A provider that can list the repositories and branches of the git providers a user connected to it (<c>gitspaces/list-repos</c>, <c>gitspaces/list-branches</c>).</summary>
public interface IRepositoryBrowser
{
    /// <summary>Lists repositories.</summary>
    /// <param name="repositoryType">The kind of git host.</param>
    /// <param name="search">Text the names contain, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The repositories.</returns>
    Task<IReadOnlyList<RepositoryOption>> ListRepositoriesAsync(string repositoryType, string? search, CancellationToken cancellationToken);

    /// <summary>Lists a repository's branches.</summary>
    /// <param name="url">The clone URL.</param>
    /// <param name="repositoryType">The kind of git host, or <see langword="null"/> to work it out from the URL.</param>
    /// <param name="search">Text the names contain, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The branch names.</returns>
    Task<IReadOnlyList<string>> ListBranchesAsync(string url, string? repositoryType, string? search, CancellationToken cancellationToken);
}
