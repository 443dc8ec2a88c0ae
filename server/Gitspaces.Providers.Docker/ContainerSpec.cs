using System.Text.Json.Nodes;
using Docker.DotNet.Models;
using Gitspaces.DevContainers.Jsonc;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// Builds a gitspace container's parameters the way the reference CLI's <c>docker run</c> does: the workspace
/// volume, merged mounts and environment, users, init, privileged, capabilities, security options, the allow-listed
/// runArgs, and the <c>/bin/sh</c> entrypoint wrapper that runs Feature entrypoints and keeps the container alive.
/// </summary>
internal static class ContainerSpec
{
    /// <summary>Builds the parameters.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="labels">The identifying labels (ours and the reference CLI's).</param>
    /// <param name="plan">The configuration.</param>
    /// <param name="metadata">The merged image metadata.</param>
    /// <param name="image">The image.</param>
    /// <param name="workspaceMountTarget">Where the workspace volume is mounted.</param>
    /// <param name="workspaceFolder">The folder the editor opens.</param>
    /// <returns>The parameters, and the container and remote users.</returns>
    public static (CreateContainerParameters Parameters, string ContainerUser, string RemoteUser) Build(
        string id,
        Dictionary<string, string> labels,
        DevcontainerPlan plan,
        MergedMetadata metadata,
        PreparedImage image,
        string workspaceMountTarget,
        string workspaceFolder)
    {
        var overrideCommand = metadata.OverrideCommand ?? true;
        var script = "echo Container started\ntrap \"exit 0\" 15\n"
            + string.Concat(metadata.Entrypoints.Select(e => e + "\n"))
            + "exec \"$@\"\nwhile sleep 1 & wait $!; do :; done";
        var command = new List<string> { "-c", script, "-" };
        const int ScriptIndex = 1;
        if (!overrideCommand)
        {
            command.AddRange(image.Details.Entrypoint ?? []);
            command.AddRange(image.Details.Cmd ?? []);
        }

        var mounts = new List<Mount>
        {
            new() { Type = "volume", Source = DockerLabels.VolumeName(id), Target = workspaceMountTarget },
        };
        mounts.AddRange(metadata.Mounts.Select(m => Mounts.Parse(m, plan.ConfigPath)));
        var parameters = new CreateContainerParameters
        {
            Name = DockerLabels.ContainerName(id),
            Image = image.Reference,
            Labels = labels,
            Env = [.. metadata.ContainerEnv.Select(e => e.Key + "=" + e.Value)],
            Entrypoint = ["/bin/sh"],
            Cmd = command,
            User = metadata.ContainerUser ?? string.Empty,
            HostConfig = new HostConfig
            {
                Mounts = mounts,
                Init = metadata.Init ? true : null,
                Privileged = metadata.Privileged,
                CapAdd = [.. metadata.CapAdd],
                SecurityOpt = [.. metadata.SecurityOpt],
            },
        };
        foreach (var port in plan.AppPorts)
        {
            Ports.Publish(parameters, port, plan.ConfigPath);
        }

        RunArgs.Apply(plan.RunArgs, parameters, plan.ConfigPath);

        var containerUser = !string.IsNullOrEmpty(parameters.User) ? parameters.User
            : !string.IsNullOrEmpty(image.Details.User) ? image.Details.User
            : "root";
        var remoteUser = metadata.RemoteUser ?? containerUser;

        // A container whose entrypoint runs as root sets up SSH itself when it starts: no separate exec.
        if (SshSetup.RunsAsRoot(containerUser))
        {
            var lines = script.Split('\n', 3);
            command[ScriptIndex] = lines[0] + "\n" + lines[1] + "\n" + SshSetup.EntrypointHook + Personal.AutoStopFiles.EntrypointHook + lines[2];
        }

        labels[DockerLabels.RemoteUser] = remoteUser;
        labels[DockerLabels.WorkspaceFolder] = workspaceFolder;
        labels[DockerLabels.Lifecycle] = metadata.Lifecycle.ToLabel();
        // As the reference writes it (JSON.stringify of the entries as written): no host value in a label others can read.
        labels[DockerLabels.Metadata] = JsonStringify.Stringify(new JsonArray([.. metadata.Entries.Select(e => (JsonNode)e.DeepClone())]));
        labels[DockerLabels.ConfigFile] = plan.ConfigFile;
        return (parameters, containerUser, remoteUser);
    }
}
