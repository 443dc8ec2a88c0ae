using Docker.DotNet.Models;
using Gitspaces.DevContainers.HostAccess;

namespace Gitspaces.Providers.Docker.Trust;

/// <summary>
/// What a container's final parameters reach of this machine, read from the parameters the engine receives rather than
/// from the configuration: whatever path a property took (devcontainer.json, an image's or a Feature's metadata,
/// runArgs), nothing reaches the host that this list does not show, so nothing is applied unasked.
/// </summary>
internal static class ContainerHostAccess
{
    /// <summary>Lists what the parameters reach.</summary>
    /// <param name="parameters">The container's parameters, as they will be sent.</param>
    /// <returns>The accesses, in the <see cref="HostAccessFacts"/> kinds.</returns>
    public static IReadOnlyList<HostAccessFact> Of(CreateContainerParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var host = parameters.HostConfig;
        var facts = new List<HostAccessFact>();
        if (host is null)
        {
            return facts;
        }

        foreach (var mount in host.Mounts ?? [])
        {
            if (mount.Type == "bind")
            {
                facts.Add(HostAccessFacts.IsEngineSocket(mount.Source)
                    ? new HostAccessFact(HostAccessFacts.Privilege, "HostConfig.Mounts", $"the container engine's socket {mount.Source} mounted at {mount.Target}")
                    : new HostAccessFact(HostAccessFacts.HostMount, "HostConfig.Mounts", $"this machine's {mount.Source} mounted at {mount.Target}"));
            }
        }

        foreach (var bind in host.Binds ?? [])
        {
            facts.Add(new HostAccessFact(HostAccessFacts.HostMount, "HostConfig.Binds", bind));
        }

        if (host.Privileged)
        {
            facts.Add(new HostAccessFact(HostAccessFacts.Privilege, "HostConfig.Privileged", "a privileged container"));
        }

        facts.AddRange((host.CapAdd ?? []).Select(c => new HostAccessFact(HostAccessFacts.Privilege, "HostConfig.CapAdd", $"the capability {c}")));
        facts.AddRange((host.SecurityOpt ?? []).Select(o => new HostAccessFact(HostAccessFacts.Privilege, "HostConfig.SecurityOpt", $"the security option {o}")));
        facts.AddRange((host.Devices ?? []).Select(d => new HostAccessFact(HostAccessFacts.Privilege, "HostConfig.Devices", $"this machine's device {d.PathOnHost}")));
        facts.AddRange((host.VolumesFrom ?? []).Select(v => new HostAccessFact(HostAccessFacts.Privilege, "HostConfig.VolumesFrom", $"the volumes of the container {v}")));
        foreach (var (name, mode) in new[] { ("PidMode", host.PidMode), ("IpcMode", host.IpcMode), ("NetworkMode", host.NetworkMode), ("UTSMode", host.UTSMode), ("UsernsMode", host.UsernsMode) })
        {
            if (mode is not null && (mode == "host" || mode.StartsWith("container:", StringComparison.Ordinal)))
            {
                facts.Add(new HostAccessFact(HostAccessFacts.Privilege, "HostConfig." + name, $"{name} {mode}"));
            }
        }

        return facts;
    }
}
