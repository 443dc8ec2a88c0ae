using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using LibGit2Sharp;

namespace Gitspaces.Git;

/// <summary>
/// Clones a repository with LibGit2Sharp (https, ssh, git, file URLs and local paths). Credentials: the request's
/// token, else the user's git credential helper. Every message names the repository without its credentials.
/// </summary>
public static class RepositoryCloner
{
    /// <summary>Clones a repository.</summary>
    /// <param name="request">What to clone.</param>
    /// <param name="destination">The folder to clone into; replaced if it exists.</param>
    /// <param name="observer">Receives progress and log lines; nothing is reported when null.</param>
    /// <param name="cancellationToken">Abandons the clone; its folder is removed once libgit2 gives up.</param>
    /// <returns>The clone.</returns>
    /// <exception cref="GitspaceException">RepositoryUnavailable when the repository or branch cannot be cloned.</exception>
    public static async Task<ClonedRepository> CloneAsync(CloneRequest request, string destination, ICloneObserver? observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = request.Url;
        var display = RepositoryUrl.WithoutCredentials(url);
        var local = Directory.Exists(url);
        var cloneSource = local ? Path.GetFullPath(url) : url;
        var branch = request.Branch;
        RepositoryFolder.Delete(destination);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        var lastPercent = -1;
        var fetch = new FetchOptions
        {
            CredentialsProvider = (credentialUrl, _, _) => Credentials(credentialUrl, request.Token),
            // libgit2 fetches shallow over smart HTTP only: its local transport refuses, and over git:// (1.8) it sends
            // a request git's upload-pack rejects. Copying from this machine gains nothing from it anyway.
            Depth = !local && IsHttp(url) ? request.Depth ?? 0 : 0,
            OnTransferProgress = progress =>
            {
                if (observer is not null && progress.TotalObjects > 0)
                {
                    var percent = (int)(100L * progress.ReceivedObjects / progress.TotalObjects);
                    if (percent != lastPercent && percent % 5 == 0)
                    {
                        lastPercent = percent;
                        observer.Progress($"Cloning {display}: {progress.ReceivedObjects}/{progress.TotalObjects} objects", percent);
                    }
                }

                return !cancellationToken.IsCancellationRequested;
            },
            OnProgress = text =>
            {
                foreach (var line in text.Split('\r', '\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    observer?.Log("stderr", "remote: " + line);
                }

                return !cancellationToken.IsCancellationRequested;
            },
        };
        var options = new CloneOptions(fetch) { BranchName = branch, Checkout = true, RecurseSubmodules = false };
        try
        {
            // libgit2 checks for cancellation only between transfer callbacks; a server that accepts the connection and
            // then says nothing would hold the operation forever. On cancellation the clone is abandoned, and its
            // folder removed once libgit2 gives up.
            var clone = Task.Run(() => Repository.Clone(cloneSource, destination, options), CancellationToken.None);
            try
            {
                await clone.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _ = clone.ContinueWith(_ => RepositoryFolder.Delete(destination), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                throw;
            }
        }
        catch (Exception ex) when (ex is LibGit2SharpException or ArgumentException)
        {
            RepositoryFolder.Delete(destination);
            cancellationToken.ThrowIfCancellationRequested();
            throw Unavailable(request, display, ex);
        }

        using var repository = new Repository(destination);
        var head = repository.Head;
        observer?.Log("system", $"Cloned {display} at {head.FriendlyName} {head.Tip.Sha[..12]}: {head.Tip.MessageShort}");
        return new ClonedRepository(destination, display, head.FriendlyName, head.Tip.Sha);
    }

    /// <summary>Names the user a token goes with: each forge expects its own.</summary>
    /// <param name="host">The host of the clone URL.</param>
    /// <returns>The user name.</returns>
    internal static string TokenUser(string host) =>
        host.Contains("gitlab", StringComparison.OrdinalIgnoreCase) ? "oauth2"
        : host.Contains("bitbucket", StringComparison.OrdinalIgnoreCase) ? "x-token-auth"
        : "x-access-token";

    private static bool IsHttp(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static LibGit2Sharp.Credentials Credentials(string url, string? token)
    {
        var parsed = Uri.TryCreate(url, UriKind.Absolute, out var uri);
        if (!string.IsNullOrEmpty(token))
        {
            return new UsernamePasswordCredentials { Username = TokenUser(parsed ? uri!.Host : string.Empty), Password = token };
        }

        if (parsed && IsHttp(url) && GitCredentialHelper.Fill(uri!) is { } login)
        {
            return new UsernamePasswordCredentials { Username = login.UserName, Password = login.Password };
        }

        return new DefaultCredentials();
    }

    private static GitspaceException Unavailable(CloneRequest request, string display, Exception ex)
    {
        // libgit2's message may quote the URL it was given, user info and all.
        var message = RepositoryUrl.Redact(ex.Message, request.Url, request.Token);
        var branch = request.Branch;
        var missingBranch = branch is not null && (message.Contains("reference", StringComparison.OrdinalIgnoreCase) || message.Contains(branch, StringComparison.Ordinal)) && message.Contains("not found", StringComparison.OrdinalIgnoreCase);
        var text = missingBranch
            ? $"The branch '{branch}' does not exist in {display}."
            : $"Could not clone {display}: {message}";
        return new GitspaceException(ErrorCodes.RepositoryUnavailable, text, new ErrorData
        {
            Kind = nameof(ErrorCodes.RepositoryUnavailable),
            Step = "clone",
            Hint = missingBranch
                ? "Pick an existing branch, or leave the branch out to use the repository's default branch."
                : "Check the URL and that you can clone it with git; for a private https repository pass a token or set up a git credential helper.",
        });
    }
}
