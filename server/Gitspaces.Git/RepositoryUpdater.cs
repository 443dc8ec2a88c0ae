using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using LibGit2Sharp;

namespace Gitspaces.Git;

/// <summary>
/// What <c>rebuild</c> reads the configuration from, brought up to date: the clone on this machine fetched and moved to
/// its branch's head, or a local folder as it is now. Either way it says which commit that is.
/// </summary>
public static class RepositoryUpdater
{
    /// <summary>Fetches a clone's remote and moves it to the head of its branch (a hard reset: the clone is ours, never the user's).</summary>
    /// <param name="folder">The clone.</param>
    /// <param name="display">The repository as shown, for messages.</param>
    /// <param name="cancellationToken">Abandons the fetch.</param>
    /// <returns>The clone at the branch's head.</returns>
    /// <exception cref="GitspaceException">RepositoryUnavailable when the remote cannot be fetched.</exception>
    public static async Task<ClonedRepository> FetchAsync(string folder, string display, CancellationToken cancellationToken)
    {
        try
        {
            return await Task.Run(
                () =>
                {
                    using var repository = new Repository(folder);
                    var branch = repository.Head.FriendlyName;
                    var remote = repository.Network.Remotes["origin"] ?? throw new InvalidOperationException("the clone has no origin");
                    var options = new FetchOptions
                    {
                        CredentialsProvider = (url, _, _) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && GitCredentialHelper.Fill(uri) is { } login
                            ? new UsernamePasswordCredentials { Username = login.UserName, Password = login.Password }
                            : new DefaultCredentials(),
                        OnTransferProgress = _ => !cancellationToken.IsCancellationRequested,
                    };
                    Commands.Fetch(repository, remote.Name, remote.FetchRefSpecs.Select(r => r.Specification), options, null);
                    var tracked = repository.Branches[$"{remote.Name}/{branch}"] ?? throw new InvalidOperationException($"the branch '{branch}' is gone from {display}");
                    repository.Reset(ResetMode.Hard, tracked.Tip);
                    return new ClonedRepository(folder, display, branch, tracked.Tip.Sha);
                },
                CancellationToken.None).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is LibGit2SharpException or InvalidOperationException)
        {
            throw new GitspaceException(ErrorCodes.RepositoryUnavailable, $"Could not fetch {display}: {RepositoryUrl.Redact(ex.Message, display, null)}", new ErrorData
            {
                Kind = nameof(ErrorCodes.RepositoryUnavailable),
                Step = "fetch",
                Hint = "Check that you can fetch the repository with git (a private https repository needs a git credential helper).",
            });
        }
    }

    /// <summary>Describes a local folder's commit, and whether it has changes not committed yet.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>For example <c>main at 0123456789ab with uncommitted changes</c>, or <see langword="null"/> when it is not a git working tree.</returns>
    public static string? DescribeFolder(string folder)
    {
        try
        {
            var root = RepositoryRoot.Find(folder);
            if (root is null)
            {
                return null;
            }

            using var repository = new Repository(root);
            if (repository.Head.Tip is not { } tip)
            {
                return null;
            }

            var dirty = repository.RetrieveStatus(new StatusOptions { IncludeUntracked = false }).IsDirty;
            return $"{repository.Head.FriendlyName} at {tip.Sha[..12]}{(dirty ? " with uncommitted changes" : string.Empty)}";
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }
}
