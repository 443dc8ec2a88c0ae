using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Core.State;
using Gitspaces.Core.Trust;
using Gitspaces.DevContainers.HostAccess;
using Gitspaces.Protocol;
using Gitspaces.Providers.Docker.Provisioning;

namespace Gitspaces.Providers.Docker.Trust;

/// <summary>
/// Where the Docker provider asks before a repository's configuration reaches this machine (docs/security.md): it
/// lists what the configuration asks for (<see cref="HostAccessFacts"/>), the service's trust policy answers, and
/// anything refused fails the operation with <see cref="ErrorCodes.RepositoryUntrusted"/> naming every property,
/// before anything is applied. What is granted is written to the gitspace's log, so it is never applied silently.
/// </summary>
internal sealed class HostAccessGate
{
    private readonly StatePaths paths;
    private readonly Func<string, string?> environment;

    public HostAccessGate(StatePaths paths, Func<string, string?> environment)
    {
        this.paths = paths;
        this.environment = environment;
    }

    // The user's own setting for this provider: initializeCommand runs for every repository (docs/docker-provider.md).
    private bool HostCommandsAllowed =>
        this.environment(DockerProvider.AllowInitializeCommandVariable) is "1" or "true" || DockerSettings.Load(this.paths).AllowInitializeCommand == true;

    /// <summary>Asks for what the configuration reaches, and fails the operation unless all of it is granted.</summary>
    /// <param name="id">The gitspace.</param>
    /// <param name="subject">The repository.</param>
    /// <param name="facts">What the configuration asks for.</param>
    /// <param name="origin">Who asks (<c>null</c> for devcontainer.json; an image or a Feature otherwise), prefixed to each property.</param>
    /// <param name="context">Answers the trust request; receives the log lines.</param>
    /// <param name="log">Whether to log what is granted (a second check of the same accesses does not repeat them).</param>
    /// <returns>A task that completes once everything asked is granted.</returns>
    /// <exception cref="GitspaceException"><see cref="ErrorCodes.RepositoryUntrusted"/> when anything is refused.</exception>
    public async Task RequireAsync(string id, HostAccessSubject subject, IReadOnlyList<HostAccessFact> facts, string? origin, IOperationContext context, bool log = true)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(context);
        var allowedCommands = this.HostCommandsAllowed;
        var asked = facts
            .Where(f => !(allowedCommands && f.Kind == HostAccessFacts.HostCommand))
            .Select(f => new HostAccess { Kind = f.Kind, Property = origin is null ? f.Property : $"{origin}: {f.Property}", Detail = f.Detail })
            .ToList();
        if (asked.Count == 0)
        {
            return;
        }

        var answer = await context.RequestTrustAsync(new TrustRequest { GitspaceId = id, Repository = subject.Repository, IsLocalFolder = subject.IsLocalFolder, Accesses = asked });
        if (!answer.AllGranted)
        {
            throw Untrusted(id, subject.Repository, answer.Refused);
        }

        if (log)
        {
            foreach (var access in answer.Granted)
            {
                context.WriteLog(id, "system", $"Reaches this machine (trusted): {access.Property}: {access.Detail}");
            }
        }
    }

    /// <summary>Asks for what an image's and its Features' <c>devcontainer.metadata</c> entries reach, before they are applied.</summary>
    /// <param name="id">The gitspace.</param>
    /// <param name="subject">The repository.</param>
    /// <param name="image">The image, with its Features installed.</param>
    /// <param name="context">Answers the trust request; receives the log lines.</param>
    /// <returns>A task that completes once everything asked is granted.</returns>
    /// <exception cref="GitspaceException"><see cref="ErrorCodes.RepositoryUntrusted"/> when anything is refused.</exception>
    public async Task RequireImageMetadataAsync(string id, HostAccessSubject subject, PreparedImage image, IOperationContext context)
    {
        ArgumentNullException.ThrowIfNull(image);

        // Only devcontainer.json's initializeCommand ever runs, so a metadata entry's is no access.
        foreach (var entry in MergedMetadata.EntriesIn(image.Details.Labels))
        {
            var facts = HostAccessFacts.Of(entry).Where(f => f.Kind != HostAccessFacts.HostCommand).ToList();
            await this.RequireAsync(id, subject, facts, ContainerMetadata.OriginOf(entry), context);
        }
    }

    /// <summary>Makes the error for a refused request.</summary>
    /// <param name="id">The gitspace.</param>
    /// <param name="repository">The repository.</param>
    /// <param name="refused">What was refused.</param>
    /// <returns>The error.</returns>
    public static GitspaceException Untrusted(string id, string repository, IReadOnlyList<HostAccess> refused)
    {
        var list = string.Join("; ", refused.Select(a => $"{a.Property} ({a.Detail})"));
        return new GitspaceException(
            ErrorCodes.RepositoryUntrusted,
            $"{repository} is not trusted, and its configuration asks to reach this machine: {list}. Nothing was applied.",
            new ErrorData
            {
                Kind = nameof(ErrorCodes.RepositoryUntrusted),
                GitspaceId = id,
                Repository = repository,
                HostAccess = [.. refused.Select(a => new HostAccessEntry { Kind = a.Kind, Property = a.Property, Detail = a.Detail })],
                Hint = "If you trust the repository's authors, trust it and try again: `--trust` on the command line, the editor's trust dialog, or \"trustRepository\": true in JSON-RPC. `gitspaces trust revoke <repository>` takes it back.",
            });
    }
}
