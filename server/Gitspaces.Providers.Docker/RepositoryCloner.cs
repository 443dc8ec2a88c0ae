using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Protocol;
using LibGit2Sharp;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// Clones a repository with LibGit2Sharp (https, ssh, git, file URLs and local paths) into the provider's cache, with
/// progress into the gitspace's log. Credentials: the request's token, else the user's git credential helper.
/// </summary>
internal static class RepositoryCloner
{
    /// <summary>Returns a URL or path as it may be shown and stored: without user info.</summary>
    /// <param name="source">The URL or path.</param>
    /// <returns>The display form.</returns>
    public static string WithoutCredentials(string source)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile && !string.IsNullOrEmpty(uri.UserInfo))
        {
            var user = uri.UserInfo.Split(':')[0];
            var builder = new UriBuilder(uri) { Password = string.Empty };

            // A lone user name (git@host) is not a secret; a token in the user part is.
            builder.UserName = uri.UserInfo.Contains(':', StringComparison.Ordinal) || user.Length > 20 ? string.Empty : user;
            return builder.Uri.ToString();
        }

        return source;
    }

    /// <summary>Clones a repository.</summary>
    /// <param name="gitspaceId">The gitspace, for log lines.</param>
    /// <param name="source">The repository.</param>
    /// <param name="destination">The folder to clone into; replaced if it exists.</param>
    /// <param name="context">Receives progress and log lines.</param>
    /// <returns>The clone.</returns>
    public static async Task<ClonedRepository> CloneAsync(string gitspaceId, RepositorySource source, string destination, IOperationContext context)
    {
        var url = source.Url ?? source.Path ?? throw GitspaceException.InvalidParams("$.repository.url", "Invalid params: repository.url is required.");
        var display = WithoutCredentials(url);
        var cloneSource = Directory.Exists(url) ? Path.GetFullPath(url) : url;
        var branch = source.Branch ?? source.Ref;
        DeleteFolder(destination);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var lastPercent = -1;
        var fetch = new FetchOptions
        {
            CredentialsProvider = (credentialUrl, _, _) => Credentials(credentialUrl, source.Token),
            OnTransferProgress = progress =>
            {
                if (progress.TotalObjects > 0)
                {
                    var percent = (int)(100L * progress.ReceivedObjects / progress.TotalObjects);
                    if (percent != lastPercent && percent % 5 == 0)
                    {
                        lastPercent = percent;
                        context.Progress($"Cloning {display}: {progress.ReceivedObjects}/{progress.TotalObjects} objects", percent);
                    }
                }

                return !context.CancellationToken.IsCancellationRequested;
            },
            OnProgress = text =>
            {
                foreach (var line in text.Split('\r', '\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    context.WriteLog(gitspaceId, "stderr", "remote: " + line);
                }

                return !context.CancellationToken.IsCancellationRequested;
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
                await clone.WaitAsync(context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                _ = clone.ContinueWith(_ => DeleteFolder(destination), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                throw;
            }
        }
        catch (Exception ex) when (ex is LibGit2SharpException or ArgumentException)
        {
            DeleteFolder(destination);
            context.CancellationToken.ThrowIfCancellationRequested();
            throw Unavailable(display, branch, ex);
        }

        using var repository = new Repository(destination);
        var head = repository.Head;
        context.WriteLog(gitspaceId, "system", $"Cloned {display} at {head.FriendlyName} {head.Tip.Sha[..12]}: {head.Tip.MessageShort}");
        return new ClonedRepository(destination, display, head.FriendlyName, head.Tip.Sha);
    }

    /// <summary>Deletes a folder tree, including read-only git object files.</summary>
    /// <param name="folder">The folder.</param>
    public static void DeleteFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(folder, recursive: true);
    }

    private static LibGit2Sharp.Credentials Credentials(string url, string? token)
    {
        if (!string.IsNullOrEmpty(token))
        {
            var host = Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed.Host : string.Empty;
            var user = host.Contains("gitlab", StringComparison.OrdinalIgnoreCase) ? "oauth2"
                : host.Contains("bitbucket", StringComparison.OrdinalIgnoreCase) ? "x-token-auth"
                : "x-access-token";
            return new UsernamePasswordCredentials { Username = user, Password = token };
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && GitCredentialHelper.Fill(uri) is { } login)
        {
            return new UsernamePasswordCredentials { Username = login.User, Password = login.Password };
        }

        return new DefaultCredentials();
    }

    private static GitspaceException Unavailable(string display, string? branch, Exception ex)
    {
        var message = ex.Message;
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
        }, ex);
    }
}
