using Gitspaces.Core.Errors;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Harness;

/// <summary>
/// Settles what Harness needs to know of a repository before a create: its type, its path inside Harness for its own
/// repositories, and its default branch when none was given. The type comes from the user when given, else from the
/// URL (<see cref="HarnessRepoTypes.Detect"/>); a guess is checked with <c>lookup-repo</c>, and when the control plane
/// cannot read the repository as guessed, as a public repository (<c>unknown</c>).
/// </summary>
internal static class HarnessRepositoryResolver
{
    public static async Task<HarnessResolvedRepository> ResolveAsync(HarnessClient client, string url, string? givenType, string? branch, CancellationToken cancellationToken)
    {
        var connection = client.Connection;
        var detected = HarnessRepoTypes.Detect(url, connection);
        if (givenType is not null)
        {
            CheckGiven(givenType, connection.Flavour);
            var reference = HarnessRepoTypes.IsInternal(givenType) ? (detected.Type == givenType ? detected.Ref : null) ?? HarnessRepoTypes.RefFromUrl(url) : null;
            return new HarnessResolvedRepository(givenType, RequireRef(givenType, reference, url), branch ?? await DefaultBranchAsync(client, url, givenType, cancellationToken));
        }

        if (detected.Certain)
        {
            return new HarnessResolvedRepository(detected.Type, RequireRef(detected.Type, detected.Ref, url), branch ?? await DefaultBranchAsync(client, url, detected.Type, cancellationToken));
        }

        // A guess from the host name: the lookup says whether the control plane reads it so.
        var tried = new List<string>(2);
        GitspaceException? last = null;
        foreach (var candidate in detected.Type == HarnessRepoTypes.Unknown ? [HarnessRepoTypes.Unknown] : new[] { detected.Type, HarnessRepoTypes.Unknown })
        {
            tried.Add(candidate);
            try
            {
                var found = await client.LookupRepoAsync(url, candidate, cancellationToken);
                return new HarnessResolvedRepository(candidate, null, branch ?? found.Branch);
            }
            catch (GitspaceException ex) when (IsRefusal(ex))
            {
                last = ex;
            }
        }

        throw new GitspaceException(
            ErrorCodes.RepositoryUnavailable,
            $"The Harness control plane cannot read repository {url} as {string.Join(" or ", tried)}: {last?.Message}",
            new ErrorData
            {
                Kind = nameof(ErrorCodes.RepositoryUnavailable),
                Provider = HarnessProvider.ProviderId,
                Hint = "If it is on a git server of your own, say which kind: repository.type (`gitspaces up --repo-type`) github_enterprise, gitlab_on_prem or bitbucket_server; and check that Harness has access to it (a connector or OAuth).",
            },
            last);
    }

    private static void CheckGiven(string type, HarnessFlavour flavour)
    {
        if (!HarnessRepoTypes.All.Contains(type))
        {
            throw GitspaceException.InvalidParams("$.repository.type", $"Invalid params: repository type '{type}' is not one of {string.Join(", ", HarnessRepoTypes.All)}.");
        }

        if (flavour == HarnessFlavour.Oss && !HarnessRepoTypes.OpenSource.Contains(type))
        {
            throw GitspaceException.InvalidParams("$.repository.type", $"Invalid params: the open-source Harness server clones only {string.Join(" and ", HarnessRepoTypes.OpenSource)} repositories, not '{type}'.");
        }
    }

    private static string? RequireRef(string type, string? reference, string url) =>
        HarnessRepoTypes.IsInternal(type) && reference is null
            ? throw GitspaceException.InvalidParams("$.repository.url", $"Invalid params: a {type} repository is named by its path inside Harness, and {url} names none.")
            : reference;

    private static async Task<string?> DefaultBranchAsync(HarnessClient client, string url, string repoType, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.LookupRepoAsync(url, repoType, cancellationToken)).Branch;
        }
        catch (GitspaceException ex) when (IsRefusal(ex))
        {
            throw new GitspaceException(
                ErrorCodes.RepositoryUnavailable,
                $"The Harness control plane cannot read repository {url}: {ex.Message}",
                new ErrorData { Kind = nameof(ErrorCodes.RepositoryUnavailable), Provider = HarnessProvider.ProviderId, Hint = "Check the URL, and that Harness has access to the repository (its SCM connector or OAuth)." },
                ex);
        }
    }

    private static bool IsRefusal(GitspaceException ex) => ex.Code is ErrorCodes.InvalidParams or ErrorCodes.GitspaceNotFound or ErrorCodes.InvalidState;
}
