using Gitspaces.Core.State;
using Gitspaces.Git;
using Gitspaces.Providers.Docker.Compose;

namespace Gitspaces.Providers.Docker;

/// <content>What a gitspace removed behind our back (<c>docker rm</c> and <c>docker volume rm</c>) leaves on this machine.</content>
public sealed partial class DockerProvider
{
    /// <summary>
    /// Removes the keys, clone, compose files, SSH entry and known_hosts lines of this home's gitspaces that are gone from
    /// the engine they were made on: found by the list, which is where a user sees that they are gone. Their history stays
    /// readable. A gitspace recorded on another engine (the user switched <c>DOCKER_HOST</c>), or one an operation of this
    /// home holds, is left alone.
    /// </summary>
    /// <param name="onEngine">The ids of every gitspace the engine holds (any home's).</param>
    /// <param name="cancellationToken">Stops the checks.</param>
    /// <returns>A task that completes when the leftovers are gone.</returns>
    private async Task ForgetVanishedAsync(IReadOnlyCollection<string> onEngine, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(this.paths.DataDirectory, "gitspaces", DockerLabels.ProviderValue);
        if (!Directory.Exists(folder))
        {
            return;
        }

        var engine = this.engines.Endpoint.Address.ToString();
        foreach (var id in Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>())
        {
            if (onEngine.Contains(id) || this.active.ContainsKey(id) || this.records.Read(id) is not { Engine: { } recorded } || recorded != engine)
            {
                continue;
            }

            using var held = GitspaceLock.TryAcquire(this.paths, DockerLabels.ProviderValue, id);
            if (held is null)
            {
                continue; // An operation of this home (a create that has not made its volume yet) holds it.
            }

            // A create that began after the list and finished before the lock was taken made its volume meanwhile.
            if ((await this.Engine.ListVolumesAsync([DockerLabels.ProviderFilter, DockerLabels.IdFilter(id)], cancellationToken)).Count > 0
                || await this.Engine.InspectContainerAsync(DockerLabels.ContainerName(id), cancellationToken) is not null)
            {
                continue;
            }

            this.ForgetOnThisMachine(id);
            this.options.Log?.Invoke($"Gitspace '{id}' was removed from the engine outside Gitspaces: its SSH keys, clone and SSH entry are removed too; its history stays.");
        }
    }

    /// <summary>Removes what this machine keeps for a gitspace outside its history: SSH entry and keys, clone, compose files, record.</summary>
    /// <param name="id">The gitspace.</param>
    private void ForgetOnThisMachine(string id)
    {
        this.hosts.Unregister(ProviderId, id);
        this.identities.Remove(ProviderId, id);
        RepositoryFolder.Delete(this.CloneFolder(id));
        RepositoryFolder.Delete(ComposeLauncher.FilesFolder(this.paths, id));
        this.records.Remove(id);
    }
}
