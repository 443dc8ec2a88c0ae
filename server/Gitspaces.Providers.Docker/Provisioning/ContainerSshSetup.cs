using System.Globalization;
using Gitspaces.Core.Errors;
using Gitspaces.Docker.Engine;
using Gitspaces.Core.Operations;
using Gitspaces.Core.Ssh;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker.Provisioning;

/// <summary>
/// Puts SSH into a gitspace's container: the files (keys, sshd config) as one upload, and the setup itself, either by
/// the container's root entrypoint at start (followed on its output) or by an exec as root in a running container.
/// </summary>
internal sealed class ContainerSshSetup
{
    private readonly DockerEngines engines;
    private readonly GitspaceRecordStore records;

    public ContainerSshSetup(DockerEngines engines, GitspaceRecordStore records)
    {
        this.engines = engines;
        this.records = records;
    }

    /// <summary>Uploads the SSH files; re-installing them heals a gitspace whose keys were re-created.</summary>
    public async Task InstallFilesAsync(string containerId, SshIdentity identity, string remoteUser, IReadOnlyList<string> environment, CancellationToken cancellationToken)
    {
        using var tar = TarArchives.FromFiles(SshSetup.Files(identity, remoteUser, environment));
        await this.engines.Engine.PutArchiveAsync(containerId, "/", tar, cancellationToken);
    }

    /// <summary>Sets SSH up in a running container with an exec as root (an image whose user is not root, or a container we did not set up).</summary>
    public async Task SetUpByExecAsync(string id, string containerId, string remoteUser, string mountTarget, IOperationContext context)
    {
        var lines = new List<string>();
        var exitCode = await ContainerExec.RunAsync(
            this.engines.Engine,
            containerId,
            ["/bin/sh", "-c", SshSetup.Script, "sh", remoteUser, mountTarget],
            "root",
            null,
            null,
            (stream, line) =>
            {
                lines.Add(line);
                context.WriteLog(id, stream, line);
            },
            context.CancellationToken);
        ReportSshSetup(id, exitCode, lines, context);
    }

    /// <summary>
    /// Starts a container whose root entrypoint sets up SSH (<see cref="SshSetup.EntrypointHook"/>) and follows that
    /// setup on the container's output, attached before the start so that no line is missed: no exec (a process start
    /// in the container) and no file to poll (each archive read costs the engine a helper process).
    /// </summary>
    public async Task StartAndAwaitAsync(string id, string containerId, IOperationContext context)
    {
        var token = context.CancellationToken;
        await using var output = await this.engines.Engine.AttachAsync(containerId, token);
        await this.engines.Engine.StartContainerAsync(containerId, token);
        this.records.Update(id, r => r with { ContainerId = containerId, Readiness = GitspaceReadiness.SettingUp, CreateCommandsDone = false, CreateHooksDone = [] });
        var lines = new List<string>();
        long? exitCode = null;
        var began = false;
        await ContainerExec.ReadLinesAsync(
            output,
            (stream, line) =>
            {
                if (!began)
                {
                    began = line == SshSetup.StartupBeginLine;
                    return false;
                }

                if (line.StartsWith(SshSetup.StartupEndPrefix, StringComparison.Ordinal))
                {
                    exitCode = long.TryParse(line.AsSpan(SshSetup.StartupEndPrefix.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code : -1;
                    return true;
                }

                lines.Add(line);
                context.WriteLog(id, stream, line);
                return false;
            },
            token);
        if (exitCode is null)
        {
            var message = "The container stopped before SSH was set up in it; its log (`docker logs " + DockerLabels.ContainerName(id) + "`) says why.";
            context.RecordEvent(id, EventTypes.SshSetupFailed, message);
            throw GitspaceException.OperationFailed(id, "ssh_setup", message, lines);
        }

        ReportSshSetup(id, exitCode.Value, lines, context);
    }

    private static void ReportSshSetup(string id, long exitCode, List<string> lines, IOperationContext context)
    {
        if (exitCode == SshSetup.NoSshdExitCode)
        {
            var message = "The image has no sshd and openssh-server could not be installed in it, so editors cannot connect. Add the Feature \"ghcr.io/devcontainers/features/sshd:1\" to devcontainer.json, or use an image with openssh-server.";
            context.RecordEvent(id, EventTypes.SshSetupFailed, message);
            throw GitspaceException.OperationFailed(id, "ssh_setup", message, lines);
        }

        if (exitCode != 0)
        {
            var message = $"Setting up SSH in the container failed (exit code {exitCode}).";
            context.RecordEvent(id, EventTypes.SshSetupFailed, message);
            throw GitspaceException.OperationFailed(id, "ssh_setup", message, lines);
        }

        context.RecordEvent(id, EventTypes.SshSetupCompleted, "SSH is ready (sshd over docker exec, no ports)");
    }
}
