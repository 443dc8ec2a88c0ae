using System.Globalization;
using System.Text.Json.Nodes;
using Docker.DotNet.Models;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Core.Providers;
using Gitspaces.Docker.Engine;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker;

/// <content>The operations: create, start, stop, rebuild, delete, and the steps they share.</content>
public sealed partial class DockerProvider
{
    private static readonly string[] NewContainerOrder = [.. LifecycleHooks.OnNewContainer];

    private async Task<EngineContainer?> CreateCoreAsync(CreateRequest request, IOperationContext context)
    {
        var id = request.Name;
        var token = context.CancellationToken;
        var source = request.Repository;
        var display = RepositoryCloner.WithoutCredentials(source.Url ?? source.Path ?? string.Empty);
        var created = DateTimeOffset.UtcNow;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DockerLabels.Id] = id,
            [DockerLabels.Provider] = ProviderId,
            [DockerLabels.Repository] = display,
            [DockerLabels.Branch] = source.Branch ?? string.Empty,
            [DockerLabels.ConfigPath] = request.DevcontainerPath ?? string.Empty,
            [DockerLabels.Ide] = request.Ide,
            [DockerLabels.Created] = created.ToString("O", CultureInfo.InvariantCulture),
        };
        context.RecordEvent(id, EventTypes.ActionStart, $"Setting up gitspace {id}...");
        context.Changed(new Gitspace
        {
            Id = id,
            Name = id,
            Provider = ProviderId,
            Repository = new GitspaceRepository { Url = display, Branch = source.Branch },
            DevcontainerPath = request.DevcontainerPath,
            Ide = request.Ide,
            State = GitspaceState.Starting,
            CreatedAt = created,
            UpdatedAt = created,
        });

        // The labelled volume comes first: whatever fails later, the gitspace is listed (in error) and can be deleted.
        // It is made while the clone runs.
        context.RecordEvent(id, EventTypes.InfraProvisioningStart, "Provisioning the workspace volume...");
        var volume = Task.Run(
            async () =>
            {
                await this.Engine.CreateVolumeAsync(DockerLabels.VolumeName(id), new Dictionary<string, string>(labels), token);
                context.RecordEvent(id, EventTypes.InfraProvisioningCompleted, $"Created volume {DockerLabels.VolumeName(id)}");
            },
            token);

        context.RecordEvent(id, EventTypes.FetchDevcontainerStart, "Fetching devcontainer configuration...");
        context.RecordEvent(id, EventTypes.RepositoryCloneStart, $"Cloning {display}{(source.Branch is null ? string.Empty : $" ({source.Branch})")}...");
        ClonedRepository clone;
        try
        {
            clone = await RepositoryCloner.CloneAsync(id, source, Path.Combine(this.CloneFolder(id), RepositoryName(display)), context);
        }
        catch (GitspaceException ex)
        {
            // An engine that refused the volume explains the failure better than the clone does.
            await volume;
            context.RecordEvent(id, EventTypes.RepositoryCloneFailed, ex.Message);
            context.RecordEvent(id, EventTypes.FetchDevcontainerFailed, ex.Message);
            throw;
        }
        catch (OperationCanceledException)
        {
            await volume.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }

        await volume;

        context.RecordEvent(id, EventTypes.RepositoryCloneCompleted, $"Cloned {display} ({clone.Branch} at {clone.Commit[..12]})");
        var plan = await ReadPlanAsync(id, clone.Folder, request.DevcontainerPath, context);
        labels[DockerLabels.Branch] = clone.Branch ?? string.Empty;
        labels[DockerLabels.Commit] = clone.Commit;
        labels[DockerLabels.ConfigPath] = plan.ConfigPath;
        labels[DockerLabels.LocalFolder] = clone.Folder;
        await this.RunInitializeCommandAsync(id, plan, clone.Folder, display, context);
        var running = await this.ProvisionAsync(id, labels, plan, clone.Folder, context);
        context.RecordEvent(id, EventTypes.ActionStartCompleted, "Gitspace set up successfully");
        return running;
    }

    private async Task<EngineContainer?> StartCoreAsync(string id, IOperationContext context)
    {
        var token = context.CancellationToken;
        var container = await this.InspectContainerAsync(id, token);
        if (container is null)
        {
            _ = await this.CurrentAsync(id, token);
            return await this.RebuildCoreAsync(id, context);
        }

        if (container.State.Running)
        {
            return container.AsSummary(container.State.Status);
        }

        context.RecordEvent(id, EventTypes.ActionStart, "Starting gitspace...");
        context.Changed(this.MapKnown(id, container.AsSummary(container.State.Status)) with { State = GitspaceState.Starting, ErrorMessage = null });
        await this.Engine.StartContainerAsync(container.Id, token);
        var labels = container.Config.Labels ?? [];
        var record = this.records.Read(id);
        var sameContainer = record.ContainerId == container.Id;
        this.records.Update(id, r => r with { ContainerId = container.Id, Readiness = GitspaceReadiness.SettingUp, CreateCommandsDone = sameContainer && r.CreateCommandsDone });
        if (!sameContainer)
        {
            // A container we did not set up (made by an older sidecar, or its setup was interrupted): set up SSH again.
            await this.SetUpSshAsync(id, container.Id, labels[DockerLabels.RemoteUser], WorkspaceMountOf(container, id), context);
        }

        var running = container.AsSummary("running");
        await this.RunLifecycleAsync(id, running, labels, newContainer: !(sameContainer && record.CreateCommandsDone), context);
        context.RecordEvent(id, EventTypes.ActionStartCompleted, "Gitspace started");
        return running;
    }

    private async Task<EngineContainer?> StopCoreAsync(string id, IOperationContext context)
    {
        var token = context.CancellationToken;
        var container = await this.InspectContainerAsync(id, token)
            ?? throw new GitspaceException(ErrorCodes.InvalidState, $"Gitspace '{id}' has no container to stop.", new ErrorData { Kind = nameof(ErrorCodes.InvalidState), GitspaceId = id, State = "error" });
        context.RecordEvent(id, EventTypes.ActionStop, "Stopping gitspace...");
        context.Changed(this.MapKnown(id, container.AsSummary(container.State.Status)) with { State = GitspaceState.Stopping, Readiness = null });
        context.RecordEvent(id, EventTypes.AgentGitspaceStopStart, "Stopping the gitspace container...");
        if (container.State.Running)
        {
            await this.Engine.StopContainerAsync(container.Id, this.options.StopTimeout, token);
        }

        this.records.Update(id, r => r with { Readiness = null });
        context.RecordEvent(id, EventTypes.AgentGitspaceStopCompleted, "Stopped the gitspace container");
        context.RecordEvent(id, EventTypes.ActionStopCompleted, "Gitspace stopped");
        return container.AsSummary(container.State.Running ? "exited" : container.State.Status);
    }

    private async Task<EngineContainer?> RebuildCoreAsync(string id, IOperationContext context)
    {
        var token = context.CancellationToken;
        var current = await this.CurrentAsync(id, token);
        context.RecordEvent(id, EventTypes.ActionReset, "Rebuilding gitspace...");
        context.Changed(current with { State = GitspaceState.Starting, Readiness = null, ErrorMessage = null });
        var container = await this.InspectContainerAsync(id, token);
        IDictionary<string, string> labels = container?.Config.Labels
            ?? (await this.Client.Volumes.InspectAsync(DockerLabels.VolumeName(id), token)).Labels;
        var display = labels[DockerLabels.Repository];
        var mountTarget = container is null ? "/workspaces/" + RepositoryName(display) : WorkspaceMountOf(container, id);
        var cloneFolder = labels.TryGetValue(DockerLabels.LocalFolder, out var local) ? local : Path.Combine(this.CloneFolder(id), RepositoryName(display));
        var configPath = labels.TryGetValue(DockerLabels.ConfigPath, out var path) && path.Length > 0 ? path : null;
        Directory.CreateDirectory(cloneFolder);
        if (container is not null && configPath is not null)
        {
            // The user may have changed devcontainer.json inside the gitspace: rebuild from the workspace's copy.
            await this.CopyConfigurationOutAsync(container.Id, mountTarget, configPath, cloneFolder, token);
        }

        var plan = await ReadPlanAsync(id, cloneFolder, configPath, context);
        await this.RunInitializeCommandAsync(id, plan, cloneFolder, display, context);
        if (container is not null)
        {
            context.RecordEvent(id, EventTypes.AgentGitspaceDeletionStart, "Removing the old container (the workspace volume stays)...");
            await this.Client.Containers.RemoveContainerAsync(container.Id, new ContainerRemoveParameters { Force = true }, token);
            context.RecordEvent(id, EventTypes.AgentGitspaceDeletionCompleted, "Removed the old container");
        }

        var oldImage = plan.Dockerfile is null ? null : (await this.Engine.InspectImageAsync(DockerLabels.BuiltImageTag(id), token))?.Id;
        var keep = new[] { DockerLabels.Id, DockerLabels.Provider, DockerLabels.Repository, DockerLabels.Branch, DockerLabels.Commit, DockerLabels.Ide, DockerLabels.Created };
        var newLabels = labels.Where(l => keep.Contains(l.Key)).ToDictionary(StringComparer.Ordinal);
        newLabels[DockerLabels.ConfigPath] = plan.ConfigPath;
        newLabels[DockerLabels.LocalFolder] = cloneFolder;
        var running = await this.ProvisionAsync(id, newLabels, plan, null, context);
        if (oldImage is not null && (await this.Engine.InspectImageAsync(DockerLabels.BuiltImageTag(id), token))?.Id != oldImage)
        {
            await this.RemoveImageQuietlyAsync(oldImage, force: true, token);
        }

        context.RecordEvent(id, EventTypes.ActionResetCompleted, "Gitspace rebuilt");
        return running;
    }

    private async Task DeleteCoreAsync(string id, IOperationContext context)
    {
        var token = context.CancellationToken;
        var current = await this.CurrentAsync(id, token);
        context.RecordEvent(id, EventTypes.AgentGitspaceDeletionStart, "Removing gitspace...");
        context.Changed(current with { State = GitspaceState.Cleaning, Readiness = null });
        try
        {
            await this.Client.Containers.RemoveContainerAsync(DockerLabels.ContainerName(id), new ContainerRemoveParameters { Force = true }, token);
        }
        catch (Exception ex) when (DockerFailures.IsNotFound(ex))
        {
            // Already gone.
        }

        context.RecordEvent(id, EventTypes.InfraDeprovisioningStart, "Removing the workspace volume...");
        try
        {
            await this.Client.Volumes.RemoveAsync(DockerLabels.VolumeName(id), true, token);
        }
        catch (Exception ex) when (DockerFailures.IsNotFound(ex))
        {
            // Already gone.
        }

        await this.RemoveUnusedDerivedImagesAsync(token);
        var images = await this.Client.Images.ListImagesAsync(
            new ImagesListParameters { All = true, Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [DockerLabels.IdFilter(id)] = true, [DockerLabels.ProviderFilter] = true } } },
            token);
        foreach (var image in images)
        {
            await this.RemoveImageQuietlyAsync(image.ID, force: true, token);
        }

        this.hosts.Unregister(ProviderId, id);
        this.identities.Remove(ProviderId, id);
        RepositoryCloner.DeleteFolder(this.CloneFolder(id));
        this.records.Remove(id);
        context.RecordEvent(id, EventTypes.InfraDeprovisioningCompleted, "Removed the workspace volume");
        context.RecordEvent(id, EventTypes.AgentGitspaceDeletionCompleted, "Gitspace deleted");
    }

    private static async Task<DevcontainerPlan> ReadPlanAsync(string id, string folder, string? configPath, IOperationContext context)
    {
        try
        {
            var plan = await DevcontainerReader.ReadAsync(folder, configPath, context.CancellationToken);
            context.RecordEvent(id, EventTypes.FetchDevcontainerCompleted, $"Read {plan.ConfigPath}");
            return plan;
        }
        catch (GitspaceException ex)
        {
            context.RecordEvent(id, EventTypes.FetchDevcontainerFailed, ex.Message);
            throw;
        }
    }

    private async Task<EngineContainer> ProvisionAsync(string id, Dictionary<string, string> labels, DevcontainerPlan plan, string? uploadFolder, IOperationContext context)
    {
        var token = context.CancellationToken;
        var defaultMount = "/workspaces/" + RepositoryName(labels[DockerLabels.Repository]);
        var workspaceFolder = plan.WorkspaceFolder ?? defaultMount;
        var mountTarget = workspaceFolder == defaultMount || workspaceFolder.StartsWith(defaultMount + "/", StringComparison.Ordinal) ? defaultMount : workspaceFolder;
        context.RecordEvent(id, EventTypes.AgentGitspaceCreationStart, "Setting up the gitspace container...");

        // The keys (made once, with the crypto library's first load) are ready by the time the upload needs them.
        var identity = Task.Run(() => this.identities.GetOrCreate(ProviderId, id), token);
        var features = await this.ResolveFeaturesAsync(id, plan, labels[DockerLabels.LocalFolder], context);
        var image = await new ImagePreparer(() => this.Client, this.Engine, this.options.Environment).PrepareAsync(id, plan, context);
        image = await this.InstallFeaturesAsync(id, plan, features, image, context);
        var entries = ImageMetadata.ParseLabel(image.Details.Labels is { } imageLabels && imageLabels.TryGetValue(DockerLabels.Metadata, out var label) ? label : null);
        var origins = entries.Select(e => e["id"] is JsonValue featureId ? $"Feature '{featureId}'" : "image").Append("devcontainer.json").ToList();
        entries.Add(plan.MetadataEntry);
        var metadata = ImageMetadata.Merge(plan.Configuration, entries, origins);
        image = await this.UpdateRemoteUserUidAsync(id, metadata, image, context);
        var (parameters, containerUser, remoteUser) = ContainerSpec.Build(id, labels, plan, metadata, image, mountTarget, workspaceFolder);
        var createdId = await this.Engine.CreateContainerAsync(parameters.Name, ContainerCreateJson.Write(parameters), token);
        var passwd = await this.ReadPasswdAsync(createdId, image, token);
        var user = PasswdEntry.Find(passwd, remoteUser)
            ?? throw GitspaceException.OperationFailed(id, "users", $"The remote user '{remoteUser}' does not exist in the image {image.Reference}; set remoteUser (or containerUser) in {plan.ConfigPath} to a user of the image.");
        var setUpAtStart = SshSetup.RunsAsRoot(containerUser);
        IReadOnlyList<ArchiveFile> sshFiles = setUpAtStart
            ? [.. SshSetup.Files(await identity, remoteUser), SshSetup.StartupScript(remoteUser, mountTarget)]
            : SshSetup.Files(await identity, remoteUser);
        if (uploadFolder is not null)
        {
            // The repository and the SSH files in one upload.
            context.Progress("Copying the repository into the workspace volume...");
            using var tar = TarArchives.FromFolderAndFiles(uploadFolder, mountTarget, user.Uid, user.Gid, sshFiles, token);
            context.RecordEvent(id, EventTypes.SshSetupStart, "Setting up SSH...");
            await this.Engine.PutArchiveAsync(createdId, "/", tar, token);
        }
        else
        {
            context.RecordEvent(id, EventTypes.SshSetupStart, "Setting up SSH...");
            using var tar = TarArchives.FromFiles(sshFiles);
            await this.Engine.PutArchiveAsync(createdId, "/", tar, token);
        }

        if (setUpAtStart)
        {
            await this.StartAndAwaitSshSetupAsync(id, createdId, context);
        }
        else
        {
            await this.Engine.StartContainerAsync(createdId, token);
            this.records.Update(id, r => r with { ContainerId = createdId, Readiness = GitspaceReadiness.SettingUp, CreateCommandsDone = false });
            await this.SetUpSshAsync(id, createdId, remoteUser, mountTarget, context);
        }

        context.RecordEvent(id, EventTypes.AgentGitspaceCreationCompleted, $"Started container {DockerLabels.ContainerName(id)} from {image.Reference}");
        var running = new EngineContainer
        {
            Id = createdId,
            Names = ["/" + DockerLabels.ContainerName(id)],
            Image = image.Reference,
            State = "running",
            Created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            Labels = labels,
        };
        context.Changed(this.MapKnown(id, running));
        await this.RunLifecycleAsync(id, running, labels, newContainer: true, context);
        return running;
    }

    /// <summary>Reads the <c>/etc/passwd</c> of a container that has not started yet, which is its image's.</summary>
    private async Task<string?> ReadPasswdAsync(string containerId, PreparedImage image, CancellationToken cancellationToken)
    {
        var imageId = image.Details.Id;
        if (!string.IsNullOrEmpty(imageId) && this.passwds.Read(imageId) is { } cached)
        {
            return cached;
        }

        var passwd = await this.Engine.ReadFileAsync(containerId, "/etc/passwd", cancellationToken);
        if (passwd is not null && !string.IsNullOrEmpty(imageId))
        {
            this.passwds.Write(imageId, passwd);
        }

        return passwd;
    }

    private async Task SetUpSshAsync(string id, string containerId, string remoteUser, string mountTarget, IOperationContext context)
    {
        var lines = new List<string>();
        var exitCode = await ContainerExec.RunAsync(
            this.Engine,
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
    private async Task StartAndAwaitSshSetupAsync(string id, string containerId, IOperationContext context)
    {
        var token = context.CancellationToken;
        await using var output = await this.Engine.AttachAsync(containerId, token);
        await this.Engine.StartContainerAsync(containerId, token);
        this.records.Update(id, r => r with { ContainerId = containerId, Readiness = GitspaceReadiness.SettingUp, CreateCommandsDone = false });
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

    private async Task RunLifecycleAsync(string id, EngineContainer container, IDictionary<string, string> labels, bool newContainer, IOperationContext context)
    {
        var plan = LifecyclePlanOf(labels);
        var runner = this.RunnerFor(id, container.Id, labels);
        IReadOnlyList<string> hooks = newContainer ? NewContainerOrder : [LifecycleHooks.PostStart];
        var waitIndex = plan.WaitFor == "initializeCommand" ? -1 : Array.IndexOf(NewContainerOrder, plan.WaitFor);
        if (waitIndex < 0 && plan.WaitFor != "initializeCommand")
        {
            waitIndex = Array.IndexOf(NewContainerOrder, LifecycleHooks.DefaultWaitFor);
        }

        var foreground = hooks.Where(h => Array.IndexOf(NewContainerOrder, h) <= waitIndex).ToList();
        var later = hooks.Except(foreground).ToList();
        foreach (var hook in foreground)
        {
            await runner.RunHookAsync(hook, plan.For(hook), context, context.CancellationToken);
        }

        var nothingLater = !later.Any(h => plan.For(h).Count > 0);
        var createDone = nothingLater || !newContainer || !later.Contains(LifecycleHooks.PostCreate);
        this.records.Update(id, r => r with { Readiness = GitspaceReadiness.Ready, CreateCommandsDone = r.CreateCommandsDone || createDone });
        context.RecordEvent(id, EventTypes.GitspaceReady, "Gitspace is ready");
        context.Changed(this.MapKnown(id, container));
        if (nothingLater)
        {
            return;
        }

        // After waitFor the editor may connect; the remaining commands go on without holding the gitspace's lock.
        var cancellation = new CancellationTokenSource();
        var task = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var hook in later)
                    {
                        await runner.RunHookAsync(hook, plan.For(hook), context, cancellation.Token);
                        if (hook == LifecycleHooks.PostCreate)
                        {
                            this.records.Update(id, r => r with { CreateCommandsDone = true });
                        }
                    }
                }
                catch (LifecycleCommandFailedException ex)
                {
                    this.records.Update(id, r => r with { Readiness = GitspaceReadiness.StartError, ErrorMessage = ex.Message });
                    context.RecordEvent(id, EventTypes.AgentGitspaceStateReportError, ex.Message);
                    await this.ReportAsync(id, context);
                }
                catch (Exception ex) when (ex is not OperationCanceledException && (DockerFailures.IsUnreachable(ex) || ex is global::Docker.DotNet.DockerApiException or EngineException))
                {
                    this.options.Log?.Invoke($"lifecycle commands of '{id}' stopped: {ex.Message}");
                }
            },
            CancellationToken.None);
        this.background[id] = new BackgroundLifecycle(task, cancellation);
    }

    private async Task<EngineContainerDetails?> InspectContainerAsync(string id, CancellationToken cancellationToken)
    {
        var container = await this.Engine.InspectContainerAsync(DockerLabels.ContainerName(id), cancellationToken);
        return container?.Config.Labels?.TryGetValue(DockerLabels.Id, out var labelled) == true && labelled == id ? container : null;
    }

    /// <summary>Removes an image and what we kept about it; one the engine refuses (in use, or gone) is left as it is.</summary>
    private async Task RemoveImageQuietlyAsync(string image, bool force, CancellationToken cancellationToken)
    {
        try
        {
            await this.Client.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = force }, cancellationToken);
            this.passwds.Remove(image);
        }
        catch (global::Docker.DotNet.DockerApiException ex)
        {
            this.options.Log?.Invoke($"kept image {image}: {DockerFailures.EngineMessage(ex)}");
        }
    }

    private async Task CopyConfigurationOutAsync(string containerId, string mountTarget, string configPath, string cloneFolder, CancellationToken cancellationToken)
    {
        var configFolder = Path.GetDirectoryName(configPath.Replace('\\', '/'))?.Replace('\\', '/') ?? string.Empty;
        var inContainer = configFolder.Length == 0 ? mountTarget + "/" + configPath : mountTarget + "/" + configFolder;
        var destination = Path.GetFullPath(Path.Combine(cloneFolder, Path.GetDirectoryName(configFolder.Length == 0 ? configPath : configFolder) ?? string.Empty));
        try
        {
            var archive = await this.Client.Containers.GetArchiveFromContainerAsync(containerId, new GetArchiveFromContainerParameters { Path = inContainer }, false, cancellationToken);
            using var response = archive.Stream;
            using var stream = await TarArchives.BufferAsync(response, cancellationToken);
            await TarArchives.ExtractAsync(stream, destination, cancellationToken);
        }
        catch (Exception ex) when (DockerFailures.IsNotFound(ex))
        {
            // The user removed it in the workspace; the cached clone's copy is the best we have.
        }
    }

    private static string WorkspaceMountOf(EngineContainerDetails container, string id) =>
        container.Mounts?.FirstOrDefault(m => m.Name == DockerLabels.VolumeName(id))?.Destination
        ?? container.Config.Labels![DockerLabels.WorkspaceFolder];
}
