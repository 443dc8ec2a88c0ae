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

    /// <summary>
    /// Uploads the SSH files, the user's secrets in scope in <c>authorized_keys</c>, unless this container already has
    /// exactly these (an upload is ~100 ms of every connect): re-installing them heals a gitspace whose keys were
    /// re-created and gives it the secrets as they are now. Works on a stopped container too.
    /// </summary>
    public async Task InstallFilesAsync(string id, string containerId, SshIdentity identity, string remoteUser, IReadOnlyList<string> environment, IReadOnlyDictionary<string, string> secrets, CancellationToken cancellationToken)
    {
        var (uid, gid) = await this.OwnerAsync(id, containerId, remoteUser, cancellationToken);
        var files = SshSetup.Files(identity, remoteUser, environment, secrets, uid, gid);
        var installed = Fingerprint(containerId, files);
        if (this.records.Read(id).SshFiles == installed)
        {
            return;
        }

        using var tar = TarArchives.FromFiles(files);
        await this.engines.Engine.PutArchiveAsync(containerId, "/", tar, cancellationToken);
        this.records.Update(id, r => r with { SecretsInstalled = secrets.Count > 0, SshFiles = installed });
    }

    /// <summary>Returns what identifies a set of SSH files in one container, for <see cref="GitspaceRecord.SshFiles"/>.</summary>
    /// <param name="containerId">The container they are in.</param>
    /// <param name="files">The files, as <see cref="SshSetup.Files"/> makes them.</param>
    /// <returns>A hash of the container, the paths, owners, modes and contents.</returns>
    public static string Fingerprint(string containerId, IReadOnlyList<ArchiveFile> files)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(containerId + "\n"));
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{file.Path}\n{file.Uid}:{file.Gid}:{(int)file.Mode}:{file.Contents.Length}\n"));
            hash.AppendData(file.Contents);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Starts the auto-stop watcher with an exec as root, unless one runs (a container whose entrypoint does not run as root).</summary>
    public async Task EnsureAutoStopAsync(string containerId, CancellationToken cancellationToken)
    {
        await ContainerExec.RunAsync(this.engines.Engine, containerId, Personal.AutoStopFiles.EnsureCommand, "root", null, null, (_, _) => { }, cancellationToken);
    }

    /// <summary>Returns the remote user's ids: as recorded at create, else from the container's <c>/etc/passwd</c> (a gitspace made before they were recorded).</summary>
    public async Task<(int Uid, int Gid)> OwnerAsync(string id, string containerId, string remoteUser, CancellationToken cancellationToken)
    {
        if (this.records.Read(id) is { RemoteUid: { } uid, RemoteGid: { } gid })
        {
            return (uid, gid);
        }

        var entry = PasswdEntry.Find(await this.engines.Engine.ReadFileAsync(containerId, "/etc/passwd", cancellationToken), remoteUser);
        if (entry is null)
        {
            return (0, 0);
        }

        this.records.Update(id, r => r with { RemoteUid = entry.Uid, RemoteGid = entry.Gid });
        return (entry.Uid, entry.Gid);
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
