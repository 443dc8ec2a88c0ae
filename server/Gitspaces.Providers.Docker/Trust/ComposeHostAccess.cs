using Gitspaces.Compose;
using Gitspaces.DevContainers.HostAccess;
using Gitspaces.Providers.Docker.Compose;

namespace Gitspaces.Providers.Docker.Trust;

/// <summary>
/// What a Docker Compose project reaches of this machine, read from the merged configuration <c>compose config</c>
/// prints (every file, every service, variables applied): the same kinds as devcontainer.json's properties
/// (<see cref="HostAccessFacts"/>), so that a repository's compose files ask the same consent its devcontainer.json
/// would (docs/security.md). Every service counts, not only the one the editor connects to: a database service with
/// <c>privileged: true</c> or the Docker socket reaches the host as surely.
/// </summary>
internal static class ComposeHostAccess
{
    /// <summary>Lists what the project reaches.</summary>
    /// <param name="project">The merged configuration.</param>
    /// <param name="repositoryRoot">The repository on this machine the configuration was read from: binds of it (and of the folder that holds it) become the workspace volume and reach nothing else.</param>
    /// <returns>The accesses, each named by its compose path (<c>services.db.privileged</c>).</returns>
    public static IReadOnlyList<HostAccessFact> Of(ComposeProject project, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(project);
        var facts = new List<HostAccessFact>();
        foreach (var service in project.Services)
        {
            var at = $"services.{service.Name}.";
            for (var i = 0; i < service.Volumes.Count; i++)
            {
                var mount = service.Volumes[i];
                if (mount is { Type: "bind", Source: { } source } && !WorkspaceBinds.IsRepositorySide(source, repositoryRoot))
                {
                    facts.Add(HostAccessFacts.IsEngineSocket(source)
                        ? new HostAccessFact(HostAccessFacts.Privilege, $"{at}volumes[{i}]", $"the container engine's socket {source} mounted at {mount.Target}")
                        : new HostAccessFact(HostAccessFacts.HostMount, $"{at}volumes[{i}]", $"this machine's {source} mounted at {mount.Target}"));
                }
                else if (mount is { Type: "volume", Source: { } name } && project.VolumeDevices.TryGetValue(name, out var device) && !WorkspaceBinds.IsRepositorySide(device, repositoryRoot))
                {
                    facts.Add(new HostAccessFact(HostAccessFacts.HostMount, $"{at}volumes[{i}]", $"this machine's {device} mounted at {mount.Target} (the volume '{name}' binds it)"));
                }
            }

            if (service.Privileged)
            {
                facts.Add(new HostAccessFact(HostAccessFacts.Privilege, at + "privileged", "a privileged container"));
            }

            if (service.NetworkMode is { } network && (network == "host" || network.StartsWith("container:", StringComparison.Ordinal)))
            {
                facts.Add(new HostAccessFact(HostAccessFacts.Privilege, at + "network_mode", network == "host" ? "network_mode host: this machine's network" : $"network_mode {network}: another container's network"));
            }

            foreach (var (property, mode) in service.NamespaceModes)
            {
                if (mode == "host" || mode.StartsWith("container:", StringComparison.Ordinal))
                {
                    facts.Add(new HostAccessFact(HostAccessFacts.Privilege, at + property, mode == "host" ? $"{property} host: this machine's namespace" : $"{property} {mode}: another container's namespace"));
                }
            }

            facts.AddRange(service.CapAdd.Select((c, i) => new HostAccessFact(HostAccessFacts.Privilege, $"{at}cap_add[{i}]", $"the capability {c}")));
            facts.AddRange(service.SecurityOpt.Select((o, i) => new HostAccessFact(HostAccessFacts.Privilege, $"{at}security_opt[{i}]", $"the security option {o}")));
            facts.AddRange(service.Devices.Select((d, i) => new HostAccessFact(HostAccessFacts.Privilege, $"{at}devices[{i}]", $"this machine's device {d}")));

            // Another service's volumes are the project's own; a container's (container:name) are someone else's.
            facts.AddRange(service.VolumesFrom
                .Select((v, i) => (Value: v, Index: i))
                .Where(v => v.Value.StartsWith("container:", StringComparison.Ordinal))
                .Select(v => new HostAccessFact(HostAccessFacts.Privilege, $"{at}volumes_from[{v.Index}]", $"the volumes of the container {v.Value["container:".Length..].Split(':')[0]}")));

            if (service.Build is { Context: { } context } && Path.IsPathFullyQualified(context) && !WorkspaceBinds.IsRepositorySide(context, repositoryRoot))
            {
                // The build sends that folder of this machine to the engine, and the image can keep any of it.
                facts.Add(new HostAccessFact(HostAccessFacts.HostMount, at + "build.context", $"this machine's {context} sent to the engine as a build context"));
            }
        }

        foreach (var (property, file) in project.FileSources)
        {
            if (!WorkspaceBinds.IsRepositorySide(file, repositoryRoot))
            {
                facts.Add(new HostAccessFact(HostAccessFacts.HostMount, property + ".file", $"this machine's {file} mounted into the services that use it"));
            }
        }

        return facts;
    }
}
