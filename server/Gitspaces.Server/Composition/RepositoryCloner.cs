using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using LibGit2Sharp;

namespace Gitspaces.Server.Composition;

/// <summary>Clones a repository to read its configuration (kept apart so LibGit2Sharp loads only when a URL is read).</summary>
internal static class RepositoryCloner
{
    public static async Task CloneAsync(string url, string? branch, string? token, string destination, CancellationToken cancellationToken)
    {
        // libgit2 notices cancellation only between transfer callbacks: a silent server would hold the request
        // forever, so a cancelled clone is abandoned and its folder removed when libgit2 gives up.
        var clone = RunCloneAsync(url, branch, token, destination, cancellationToken);
        try
        {
            await clone.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _ = clone.ContinueWith(_ => DeleteClone(destination), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }
    }

    private static Task RunCloneAsync(string url, string? branch, string? token, string destination, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                var options = new CloneOptions { BranchName = branch, RecurseSubmodules = false };
                options.FetchOptions.Depth = 1;
                options.FetchOptions.OnTransferProgress = _ => !cancellationToken.IsCancellationRequested;
                if (token is not null)
                {
                    options.FetchOptions.CredentialsProvider = (_, _, _) => new UsernamePasswordCredentials { Username = "x-access-token", Password = token };
                }

                try
                {
                    Repository.Clone(url, destination, options);
                }
                catch (LibGit2SharpException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new GitspaceException(
                        ErrorCodes.RepositoryUnavailable,
                        $"Cannot clone {url}{(branch is null ? string.Empty : $" (branch {branch})")}: {ex.Message}",
                        new ErrorData { Kind = nameof(ErrorCodes.RepositoryUnavailable), Hint = "Check the URL, the branch and your access to the repository." },
                        ex);
                }

                cancellationToken.ThrowIfCancellationRequested();
            },
            CancellationToken.None);

    public static void DeleteClone(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        // Git marks pack files read-only, which Directory.Delete refuses on Windows.
        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(path, recursive: true);
    }
}
