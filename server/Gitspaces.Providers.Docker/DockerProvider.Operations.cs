using System.Globalization;
using Docker.DotNet.Models;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Core.Providers;
using Gitspaces.DevContainers.HostAccess;
using Gitspaces.Docker.Engine;
using Gitspaces.Git;
using Gitspaces.Git.Credentials;
using Gitspaces.Protocol;
using Gitspaces.Providers.Docker.Compose;
using Gitspaces.Providers.Docker.Personal;
using Gitspaces.Providers.Docker.Provisioning;
using Gitspaces.Providers.Docker.Trust;

namespace Gitspaces.Providers.Docker;

/// <content>The operations: create, start, stop, rebuild, delete, and the steps they share.</content>
public sealed partial class DockerProvider
{
    // The spec's order: the create-time hooks, the user's dotfiles, then postStart.
    // How long git in a lifecycle command waits for the credential channel that opens beside it (an SSH connection).
    private static readonly KeyValuePair<string, string> CredentialWait = new(ContainerCredentialHelper.WaitVariable, "15");

    private static readonly string[] NewContainerOrder = [LifecycleHooks.OnCreate, LifecycleHooks.UpdateContent, LifecycleHooks.PostCreate, DotfilesInstaller.Step, LifecycleHooks.PostStart];

    private async Task<EngineContainer?> CreateCoreAsync(CreateRequest request, IOperationContext context)
    {
        var id = request.Name;
        var token = context.CancellationToken;
        var source = request.Repository;
        var display = RepositoryUrl.WithoutCredentials(source.Url ?? source.Path ?? string.Empty);
        var configPath = request.DevcontainerPath;

        // A folder on this machine: the repository it is in (a subfolder is the workspace, with its own configuration),
        // or, in no repository, the folder as it is.
        var local = Directory.Exists(display) ? LocalSource.Locate(display, this.options.Environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)) : null;
        if (local is not null)
        {
            display = local.Root;
            if (local.Subfolder is { } pointedAt && configPath is not null)
            {
                // --config names a file relative to the folder the user pointed at.
                configPath = pointedAt + "/" + configPath.Replace('\\', '/');
            }
        }

        var created = DateTimeOffset.UtcNow;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DockerLabels.Id] = id,
            [DockerLabels.Provider] = ProviderId,
            [DockerLabels.Repository] = display,
            [DockerLabels.Branch] = source.Branch ?? string.Empty,
            [DockerLabels.ConfigPath] = configPath ?? string.Empty,
            [DockerLabels.Ide] = request.Ide,
            [DockerLabels.Created] = created.ToString("O", CultureInfo.InvariantCulture),
            [DockerLabels.Home] = this.home.Value,
        };
        context.RecordEvent(id, EventTypes.ActionStart, $"Setting up gitspace {id}...");

        // Kept for every new container of the gitspace (rebuilds too); the dotfiles URL without its credentials.
        var dotfiles = request.Dotfiles is { } given ? given with { Repository = RepositoryUrl.WithoutCredentials(given.Repository) } : null;
        this.records.Update(id, r => r with { Dotfiles = dotfiles, AutoStopSeconds = request.AutoStopSeconds ?? 0 });
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
            var destination = Path.Combine(this.CloneFolder(id), WorkspaceFolders.RepositoryName(display));
            var observer = new OperationCloneObserver(id, context);
            if (local is { Reason: { } why })
            {
                context.WriteLog(id, "system", why + ".");
            }

            clone = local is { IsRepository: false }
                ? await FolderCopy.CopyAsync(local.Root, destination, observer, token)
                : await RepositoryCloner.CloneAsync(CloneRequest.From(local is null ? source : source with { Url = local.Root, Path = null }), destination, observer, token);
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

        context.RecordEvent(id, EventTypes.RepositoryCloneCompleted, clone.Commit.Length == 0 ? $"Copied {display}" : $"Cloned {display} ({clone.Branch} at {clone.Commit[..12]})");
        var subfolder = local?.Subfolder;
        var plan = await ReadPlanAsync(id, clone.Folder, subfolder, configPath, context);
        if (subfolder is not null)
        {
            labels[DockerLabels.Subfolder] = subfolder;
        }

        labels[DockerLabels.Branch] = clone.Branch ?? string.Empty;
        labels[DockerLabels.Commit] = clone.Commit;
        labels[DockerLabels.ConfigPath] = plan.ConfigPath;
        labels[DockerLabels.LocalFolder] = clone.Folder;
        var subject = HostAccessSubject.Of(display);
        await this.hostAccess.RequireAsync(id, subject, HostAccessFacts.Of(plan.Configuration), null, context);
        await RunInitializeCommandAsync(id, plan, subfolder is null ? clone.Folder : Path.Combine(clone.Folder, subfolder), context);
        var running = await this.ProvisionAsync(id, labels, plan, clone.Folder, subject, context);
        context.RecordEvent(id, EventTypes.ActionStartCompleted, "Gitspace set up successfully");
        return running;
    }

    private async Task<EngineContainer?> StartCoreAsync(string id, string? interrupted, IOperationContext context)
    {
        var token = context.CancellationToken;
        var container = await this.InspectContainerAsync(id, token);
        if (container is null)
        {
            _ = await this.CurrentAsync(id, token);
            return await this.RebuildCoreAsync(id, context);
        }

        if (interrupted is "create" or "rebuild" && this.records.Read(id).ContainerId != container.Id)
        {
            // The container is recorded once the workspace is copied into it and its SSH set up: before that the
            // workspace may be half copied, which no start can tell apart from the user's own files.
            throw new GitspaceException(ErrorCodes.InvalidState, $"The {interrupted} of gitspace '{id}' was interrupted before its workspace was ready, so it cannot be started: rebuild it (`gitspaces rebuild {id}`) or delete it (`gitspaces delete {id}`).", new ErrorData
            {
                Kind = nameof(ErrorCodes.InvalidState),
                GitspaceId = id,
                State = "error",
                Hint = $"Rebuild it (`gitspaces rebuild {id}`): it keeps the workspace volume and sets the container up again.",
            });
        }

        if (container.State.Running)
        {
            var alreadyRunning = container.AsSummary(container.State.Status);
            var setup = this.records.Read(id);
            if (interrupted is null || (setup.CreateCommandsDone && setup.Readiness == GitspaceReadiness.Ready))
            {
                return alreadyRunning;
            }

            // The sidecar stopped during the setup (killed during onCreateCommand): the hooks that never finished run
            // now, from the first one not done, and the gitspace is ready (or fails) as after a create.
            var remaining = NewContainerOrder.Except(setup.CreateHooksDone ?? []).ToList();
            context.RecordEvent(id, EventTypes.ActionStart, $"Finishing the {interrupted} that was interrupted: {string.Join(", ", remaining)}...");
            this.records.Update(id, r => r with { Readiness = GitspaceReadiness.SettingUp });

            // The dead process's command may still run in the container (the engine does not stop an exec whose
            // caller went away): it stops before the hook runs again.
            await LifecycleRunner.ForContainer(this.Engine, id, container.Id, container.Config.Labels ?? []).StopLeftoversAsync();
            await this.RunLifecycleAsync(id, alreadyRunning, container.Config.Labels ?? [], newContainer: true, context);
            context.RecordEvent(id, EventTypes.ActionStartCompleted, "Gitspace set up");
            return alreadyRunning;
        }

        context.RecordEvent(id, EventTypes.ActionStart, "Starting gitspace...");
        context.Changed(this.MapKnown(id, container.AsSummary(container.State.Status)) with { State = GitspaceState.Starting, ErrorMessage = null });
        var labels = container.Config.Labels ?? [];

        // Stopped by its own idle timeout while no sidecar watched: the event is recorded now.
        await this.RecordAutoStopAsync(id, container.Id, context, token);

        // The secrets as they are now reach SSH sessions through authorized_keys, rewritten before the start.
        var secrets = context.SecretsFor(labels.TryGetValue(DockerLabels.Repository, out var repository) ? repository : string.Empty);
        if (secrets.Count > 0 || this.records.Read(id).SecretsInstalled)
        {
            await this.ssh.InstallFilesAsync(id, container.Id, this.identities.GetOrCreate(ProviderId, id), labels[DockerLabels.RemoteUser], SessionEnvironment.Of(container), secrets, token);
        }

        var compose = ComposeLabels.StateOf(labels);
        if (compose is not null)
        {
            await this.composeLauncher.StartAsync(id, compose, context);
        }
        else
        {
            await this.Engine.StartContainerAsync(container.Id, token);
        }

        if (!this.records.Read(id).WatcherAtEntrypoint)
        {
            // Only a root entrypoint starts the watcher itself.
            await this.ssh.EnsureAutoStopAsync(container.Id, token);
        }

        var record = this.records.Read(id);
        var sameContainer = record.ContainerId == container.Id;
        this.records.Update(id, r => r with { ContainerId = container.Id, Readiness = GitspaceReadiness.SettingUp, CreateCommandsDone = sameContainer && r.CreateCommandsDone, CreateHooksDone = sameContainer ? r.CreateHooksDone : [] });
        if (!sameContainer)
        {
            // A container we did not set up (made by an older sidecar, or its setup was interrupted): set up SSH again.
            await this.ssh.SetUpByExecAsync(id, container.Id, labels[DockerLabels.RemoteUser], WorkspaceMountOf(container, id), context);
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
        // stopCompose: the whole project, all at once as compose stops it; otherwise (and shutdownAction none) the container.
        var toStop = ComposeLabels.StateOf(container.Config.Labels) is { ShutdownAction: not "none" } compose
            ? (await this.Engine.ListContainersAsync([ComposeLabels.ComposeProject + "=" + compose.Project, DockerLabels.IdFilter(id)], token)).Where(c => c.State == "running").Select(c => c.Id).ToList()
            : container.State.Running ? [container.Id] : [];
        await Task.WhenAll(toStop.Select(c => this.Engine.StopContainerAsync(c, this.options.StopTimeout, token)));

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
            ?? (await this.engines.Client.Volumes.InspectAsync(DockerLabels.VolumeName(id), token)).Labels;
        var display = labels[DockerLabels.Repository];
        var oldCompose = ComposeLabels.StateOf(container?.Config.Labels);
        var cloneFolder = labels.TryGetValue(DockerLabels.LocalFolder, out var local) ? local : Path.Combine(this.CloneFolder(id), WorkspaceFolders.RepositoryName(display));
        var configPath = labels.TryGetValue(DockerLabels.ConfigPath, out var path) && path.Length > 0 ? path : null;
        var subfolder = labels.TryGetValue(DockerLabels.Subfolder, out var sub) && sub.Length > 0 ? sub : null;
        Directory.CreateDirectory(cloneFolder);

        // The configuration comes from the user's own copy, never from the workspace volume: a process in the container
        // can write the workspace's devcontainer.json, and initializeCommand and host mounts would then come from it.
        // A local folder is read as it is now; a repository cloned from a URL from the clone on this machine.
        var subject = HostAccessSubject.Of(display);
        var configFolder = subject.IsLocalFolder ? Path.GetFullPath(display) : cloneFolder;
        string? commit = null;
        string described;
        if (subject.IsLocalFolder)
        {
            described = RepositoryUpdater.DescribeFolder(configFolder) ?? "as it is now";
        }
        else
        {
            // The branch's head, fetched now; a repository that cannot be fetched (offline, a token that was not kept)
            // is read at the commit the clone has, and the log says so.
            context.RecordEvent(id, EventTypes.RepositoryCloneStart, $"Fetching {display}...");
            try
            {
                var fetched = await RepositoryUpdater.FetchAsync(cloneFolder, display, token);
                commit = fetched.Commit;
                described = $"{fetched.Branch} at {fetched.Commit[..12]}";
                context.RecordEvent(id, EventTypes.RepositoryCloneCompleted, $"Fetched {display} ({described})");
            }
            catch (GitspaceException ex)
            {
                described = RepositoryUpdater.DescribeFolder(cloneFolder) + " (not fetched)";
                context.WriteLog(id, "stderr", $"{ex.Message} Reading the configuration at the clone's commit instead.");
            }
        }

        var plan = await ReadPlanAsync(id, configFolder, subfolder, configPath, context);
        context.RecordEvent(id, EventTypes.FetchDevcontainerCompleted, $"Rebuilding from {plan.ConfigPath} of {display}, {described}; changes made inside the gitspace count once they are in the repository.");
        await this.hostAccess.RequireAsync(id, subject, HostAccessFacts.Of(plan.Configuration), null, context);
        await RunInitializeCommandAsync(id, plan, subfolder is null ? configFolder : Path.Combine(configFolder, subfolder), context);
        if (container is not null && oldCompose is not null && plan.Compose is null)
        {
            // No longer a compose gitspace: its project goes, its volumes stay until delete.
            context.RecordEvent(id, EventTypes.AgentGitspaceDeletionStart, "Removing the old compose project's containers (the workspace volume stays)...");
            await this.RemoveContainersOfAsync(id, removeVolumes: false, token);
            context.RecordEvent(id, EventTypes.AgentGitspaceDeletionCompleted, "Removed the old containers");
        }
        else if (container is not null && plan.Compose is null || container is not null && oldCompose is null)
        {
            context.RecordEvent(id, EventTypes.AgentGitspaceDeletionStart, "Removing the old container (the workspace volume stays)...");
            await this.engines.Client.Containers.RemoveContainerAsync(container.Id, new ContainerRemoveParameters { Force = true }, token);
            context.RecordEvent(id, EventTypes.AgentGitspaceDeletionCompleted, "Removed the old container");
        }

        var oldImage = plan.Dockerfile is null ? null : (await this.Engine.InspectImageAsync(DockerLabels.BuiltImageTag(id), token))?.Id;
        var keep = new[] { DockerLabels.Id, DockerLabels.Provider, DockerLabels.Repository, DockerLabels.Subfolder, DockerLabels.Branch, DockerLabels.Commit, DockerLabels.Ide, DockerLabels.Created, DockerLabels.Home };
        var newLabels = labels.Where(l => keep.Contains(l.Key)).ToDictionary(StringComparer.Ordinal);
        newLabels[DockerLabels.ConfigPath] = plan.ConfigPath;
        newLabels[DockerLabels.LocalFolder] = cloneFolder;
        if (commit is not null)
        {
            newLabels[DockerLabels.Commit] = commit;
        }

        var running = await this.ProvisionAsync(id, newLabels, plan, null, subject, context);
        if (oldImage is not null && (await this.Engine.InspectImageAsync(DockerLabels.BuiltImageTag(id), token))?.Id != oldImage)
        {
            await this.images.RemoveQuietlyAsync(oldImage, force: true, token);
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
            await this.engines.Client.Containers.RemoveContainerAsync(DockerLabels.ContainerName(id), new ContainerRemoveParameters { Force = true }, token);
        }
        catch (Exception ex) when (DockerFailures.IsNotFound(ex))
        {
            // Already gone.
        }

        // A compose gitspace's other containers (with their anonymous volumes), networks and volumes.
        await this.RemoveContainersOfAsync(id, removeVolumes: true, token);
        await this.RemoveComposeProjectAsync(id, token);

        context.RecordEvent(id, EventTypes.InfraDeprovisioningStart, "Removing the workspace volume...");
        try
        {
            await this.engines.Client.Volumes.RemoveAsync(DockerLabels.VolumeName(id), true, token);
        }
        catch (Exception ex) when (DockerFailures.IsNotFound(ex))
        {
            // Already gone.
        }

        await this.images.RemoveUnusedDerivedAsync(token);
        await this.images.RemoveImagesOfAsync(id, token);
        await this.RemoveComposeImagesAsync(id, token);

        this.ForgetOnThisMachine(id);
        context.RecordEvent(id, EventTypes.InfraDeprovisioningCompleted, "Removed the workspace volume");
        context.RecordEvent(id, EventTypes.AgentGitspaceDeletionCompleted, "Gitspace deleted");
    }

    /// <summary>Removes what a create made before its container existed (the volume, images, clone, keys, record).</summary>
    private async Task DiscardAsync(string id)
    {
        try
        {
            await this.engines.Client.Volumes.RemoveAsync(DockerLabels.VolumeName(id), true, CancellationToken.None);
        }
        catch (Exception ex) when (DockerFailures.IsNotFound(ex))
        {
            // Never made.
        }

        // A compose gitspace's networks, the images compose built, and the override file.
        await this.RemoveComposeProjectAsync(id, CancellationToken.None);
        await this.images.RemoveImagesOfAsync(id, CancellationToken.None);
        await this.RemoveComposeImagesAsync(id, CancellationToken.None);
        this.ForgetOnThisMachine(id);
    }

    private static async Task<DevcontainerPlan> ReadPlanAsync(string id, string folder, string? subfolder, string? configPath, IOperationContext context)
    {
        try
        {
            var plan = await DevcontainerReader.ReadAsync(folder, subfolder, configPath, context.CancellationToken);

            // A configuration the reader recovered from (a missing comma) works, but not silently: every client sees
            // the warnings as log lines, the CLI prints them, the editors show them.
            foreach (var warning in plan.Warnings)
            {
                context.WriteLog(id, "stderr", "warning: " + warning);
            }

            context.RecordEvent(id, EventTypes.FetchDevcontainerCompleted, plan.Warnings.Count == 0 ? $"Read {plan.ConfigPath}" : $"Read {plan.ConfigPath} with {plan.Warnings.Count} warning(s): {plan.Warnings[0]}{(plan.Warnings.Count > 1 ? " …" : string.Empty)}");
            return plan;
        }
        catch (GitspaceException ex)
        {
            context.RecordEvent(id, EventTypes.FetchDevcontainerFailed, ex.Message);
            throw;
        }
    }

    private static async Task RunInitializeCommandAsync(string id, DevcontainerPlan plan, string folder, IOperationContext context)
    {
        // Granted by now: HostAccessGate refused the operation otherwise (or the user's setting allows it everywhere).
        if (plan.InitializeCommand is { IsEmpty: false } command)
        {
            await new InitializeCommandRunner(id, folder, context).RunAsync(command);
        }
    }

    private async Task<EngineContainer> ProvisionAsync(string id, Dictionary<string, string> labels, DevcontainerPlan plan, string? uploadFolder, HostAccessSubject subject, IOperationContext context)
    {
        var launcher = plan.Compose is null ? this.launcher : this.composeLauncher;
        var secrets = context.SecretsFor(labels[DockerLabels.Repository]);
        var running = await launcher.LaunchAsync(new LaunchRequest(id, labels, plan, uploadFolder, subject, secrets, this.records.Read(id).AutoStopSeconds ?? 0), context);
        context.Changed(this.MapKnown(id, running));
        await this.RunLifecycleAsync(id, running, labels, newContainer: true, context);
        return running;
    }

    private async Task RunLifecycleAsync(string id, EngineContainer container, Dictionary<string, string> labels, bool newContainer, IOperationContext context)
    {
        var plan = LifecyclePlan.FromLabels(labels);
        var secrets = context.SecretsFor(labels.TryGetValue(DockerLabels.Repository, out var repository) ? repository : string.Empty);
        var runner = LifecycleRunner.ForContainer(this.Engine, id, container.Id, labels, secrets, this.options.CredentialForwarder is null ? null : CredentialWait);
        var dotfiles = this.records.Read(id).Dotfiles;
        var installer = new DotfilesInstaller(this.Engine, Path.Combine(this.paths.DataDirectory, "docker", "dotfiles"));
        async Task RunStepAsync(string hook, IGitspaceReporter reporter, CancellationToken cancellationToken)
        {
            if (hook != DotfilesInstaller.Step)
            {
                await runner.RunHookAsync(hook, plan.For(hook), reporter, cancellationToken);
            }
            else if (dotfiles is not null)
            {
                await installer.InstallAsync(id, container.Id, dotfiles, runner, reporter, cancellationToken);
            }
        }

        bool HasWork(string hook) => hook == DotfilesInstaller.Step ? dotfiles is not null : plan.For(hook).Count > 0;

        // The create-time hooks that finished in this container do not run again (a setup that was interrupted goes on).
        var done = this.records.Read(id).CreateHooksDone ?? [];
        IReadOnlyList<string> hooks = newContainer ? [.. NewContainerOrder.Where(h => !done.Contains(h))] : [LifecycleHooks.PostStart];
        var waitIndex = plan.WaitFor == "initializeCommand" ? -1 : Array.IndexOf(NewContainerOrder, plan.WaitFor);
        if (waitIndex < 0 && plan.WaitFor != "initializeCommand")
        {
            waitIndex = Array.IndexOf(NewContainerOrder, LifecycleHooks.DefaultWaitFor);
        }

        var foreground = hooks.Where(h => Array.IndexOf(NewContainerOrder, h) <= waitIndex).ToList();
        var later = hooks.Except(foreground).ToList();
        var nothingLater = !later.Any(HasWork);

        // git in the lifecycle commands asks the user's credential helpers on this machine, as in SSH sessions. The
        // channel (an SSH connection, ~200 ms) opens while the hooks start: git in them waits for it
        // (GITSPACES_CREDENTIALS_WAIT, set on the runner above), so a hook that never asks never waits.
        var remoteUser = labels.Where(l => l.Key == DockerLabels.RemoteUser).Select(l => l.Value).FirstOrDefault() ?? "root";
        var credentials = hooks.Any(HasWork) ? this.ForwardCredentialsAsync(id, remoteUser, context.Journal, context.CancellationToken) : Task.FromResult<IAsyncDisposable?>(null);
        var gitSetup = await this.git.ApplyAsync(container.Id, remoteUser, this.records.Read(id).GitSetup, this.records.Read(id).GitHelpersIn == container.Id, (stream, line) => context.WriteLog(id, stream, line), context.CancellationToken);
        if (gitSetup is not null)
        {
            this.records.Update(id, r => r with { GitSetup = gitSetup });
        }

        try
        {
            foreach (var hook in foreground)
            {
                await RunStepAsync(hook, context, context.CancellationToken);
                this.HookDone(id, hook);
            }
        }
        catch
        {
            await DisposeQuietlyAsync(credentials);
            throw;
        }

        if (nothingLater)
        {
            await DisposeQuietlyAsync(credentials);
        }

        var createDone = nothingLater || !newContainer || !later.Contains(LifecycleHooks.PostCreate);
        this.records.Update(id, r => r with { Readiness = GitspaceReadiness.Ready, CreateCommandsDone = r.CreateCommandsDone || createDone });
        context.RecordEvent(id, EventTypes.GitspaceReady, "Gitspace is ready");
        context.Changed(this.MapKnown(id, container));
        if (nothingLater)
        {
            return;
        }

        // After waitFor the editor may connect; the remaining commands go on without holding the gitspace's lock, and
        // report through the journal: the operation's context ends when it returns.
        var journal = context.Journal;
        this.background.Start(id, async cancellationToken =>
        {
            try
            {
                foreach (var hook in later)
                {
                    await RunStepAsync(hook, journal, cancellationToken);
                    this.HookDone(id, hook);
                    if (hook == LifecycleHooks.PostCreate)
                    {
                        this.records.Update(id, r => r with { CreateCommandsDone = true });
                    }
                }
            }
            catch (LifecycleCommandFailedException ex)
            {
                this.records.Update(id, r => r with { Readiness = GitspaceReadiness.StartError, ErrorMessage = ex.Message });
                journal.RecordEvent(id, EventTypes.AgentGitspaceStateReportError, ex.Message);
                await this.ReportAsync(id, journal);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && (DockerFailures.IsUnreachable(ex) || ex is global::Docker.DotNet.DockerApiException or EngineException))
            {
                this.options.Log?.Invoke($"lifecycle commands of '{id}' stopped: {ex.Message}");
            }
            finally
            {
                await DisposeQuietlyAsync(credentials);
            }
        });
    }

    /// <summary>
    /// Opens the credential channel for lifecycle commands through the gitspace's SSH entry (written now, as connect
    /// would). Without a forwarder, or when it cannot open, the commands run anyway and the log says why git has no login.
    /// </summary>
    private async Task<IAsyncDisposable?> ForwardCredentialsAsync(string id, string remoteUser, IGitspaceReporter reporter, CancellationToken cancellationToken)
    {
        if (this.options.CredentialForwarder is not { } forwarder)
        {
            return null;
        }

        try
        {
            var alias = this.connector.Register(id, remoteUser);
            return await forwarder.ForwardAsync(alias, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            reporter.WriteLog(id, "stderr", $"git in the lifecycle commands cannot ask this machine for logins: {ex.Message}");
            return null;
        }
    }

    // A channel that is still opening when the commands are done was asked for by none of them (git in a command waits
    // for it): the operation does not wait for it either, and it is let go once it has opened.
    private static async Task DisposeQuietlyAsync(Task<IAsyncDisposable?> opening)
    {
        if (!opening.IsCompleted)
        {
            _ = opening.ContinueWith(t => t.IsCompletedSuccessfully && t.Result is { } late ? late.DisposeAsync().AsTask() : Task.CompletedTask, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            return;
        }

        if (opening.IsCompletedSuccessfully && opening.Result is { } disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    private void HookDone(string id, string hook)
    {
        if (hook != LifecycleHooks.PostStart)
        {
            this.records.Update(id, r => r with { CreateHooksDone = [.. (r.CreateHooksDone ?? []).Append(hook).Distinct()] });
        }
    }

    private async Task<EngineContainerDetails?> InspectContainerAsync(string id, CancellationToken cancellationToken)
    {
        var container = await this.Engine.InspectContainerAsync(DockerLabels.ContainerName(id), cancellationToken);
        return container?.Config.Labels?.TryGetValue(DockerLabels.Id, out var labelled) == true && labelled == id ? container : null;
    }

    private static string WorkspaceMountOf(EngineContainerDetails container, string id) =>
        ComposeLabels.StateOf(container.Config.Labels) is { } compose
            ? compose.RepositoryFolder ?? container.Config.Labels![DockerLabels.WorkspaceFolder]
            : container.Mounts?.FirstOrDefault(m => m.Name == DockerLabels.VolumeName(id))?.Destination
                ?? container.Config.Labels![DockerLabels.WorkspaceFolder];

    /// <summary>Removes every container labelled as the gitspace's (a compose project's services).</summary>
    private async Task RemoveContainersOfAsync(string id, bool removeVolumes, CancellationToken cancellationToken)
    {
        foreach (var container in await this.Engine.ListContainersAsync([DockerLabels.ProviderFilter, DockerLabels.IdFilter(id)], cancellationToken))
        {
            try
            {
                await this.engines.Client.Containers.RemoveContainerAsync(container.Id, new ContainerRemoveParameters { Force = true, RemoveVolumes = removeVolumes }, cancellationToken);
            }
            catch (Exception ex) when (DockerFailures.IsNotFound(ex))
            {
                // Already gone.
            }
        }
    }

    /// <summary>Removes what compose made for the gitspace's project besides containers: networks and volumes.</summary>
    private async Task RemoveComposeProjectAsync(string id, CancellationToken cancellationToken)
    {
        var project = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [ComposeLabels.ComposeProject + "=" + ComposeLabels.ProjectName(id)] = true } };
        foreach (var network in await this.engines.Client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = project }, cancellationToken))
        {
            try
            {
                await this.engines.Client.Networks.DeleteNetworkAsync(network.ID, cancellationToken);
            }
            catch (Exception ex) when (DockerFailures.IsNotFound(ex))
            {
                // Already gone.
            }
        }

        var volumes = await this.engines.Client.Volumes.ListAsync(new VolumesListParameters { Filters = project }, cancellationToken);
        foreach (var volume in volumes.Volumes ?? [])
        {
            try
            {
                await this.engines.Client.Volumes.RemoveAsync(volume.Name, true, cancellationToken);
            }
            catch (Exception ex) when (DockerFailures.IsNotFound(ex))
            {
                // Already gone.
            }
        }
    }

    /// <summary>Removes the images compose built for the gitspace's services; after the derived images made from them (Features, UID), which pin them.</summary>
    private async Task RemoveComposeImagesAsync(string id, CancellationToken cancellationToken)
    {
        var built = await this.engines.Client.Images.ListImagesAsync(
            new ImagesListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["reference"] = new Dictionary<string, bool> { ["gitspace-" + id + "-*"] = true } } },
            cancellationToken);
        // By tag: a build cache hit gives other gitspaces' services the same image id, and theirs must stay.
        foreach (var tag in built.SelectMany(i => i.RepoTags ?? []).Where(t => t.StartsWith("gitspace-" + id + "-", StringComparison.Ordinal)))
        {
            await this.images.RemoveQuietlyAsync(tag, force: false, cancellationToken);
        }
    }

    /// <inheritdoc/>
    public async Task<Gitspace> SetAutoStopAsync(string id, int seconds, IOperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var token = context.CancellationToken;
        var container = await this.InspectContainerAsync(id, token)
            ?? throw new GitspaceException(ErrorCodes.InvalidState, $"Gitspace '{id}' has no container; rebuild it first.", new ErrorData { Kind = nameof(ErrorCodes.InvalidState), GitspaceId = id, State = "error" });
        this.records.Update(id, r => r with { AutoStopSeconds = seconds });

        // The watcher reads the timeout on every round; the whole watcher goes too, for a container made before it existed.
        using (var tar = TarArchives.FromFiles(AutoStopFiles.Files(seconds)))
        {
            await this.Engine.PutArchiveAsync(container.Id, "/", tar, token);
        }

        if (container.State.Running)
        {
            await this.ssh.EnsureAutoStopAsync(container.Id, token);
        }

        context.WriteLog(id, "system", seconds == 0 ? "Auto-stop: never" : $"Auto-stop: after {Core.Settings.IdleTimeout.Format(seconds)} without use");
        var current = this.MapKnown(id, container.AsSummary(container.State.Status));
        context.Changed(current);
        return current;
    }

    /// <summary>
    /// Records that a gitspace stopped itself after its idle timeout, once per stop, when its stopped container holds the
    /// watcher's marker; a compose gitspace whose shutdownAction is stopCompose has the rest of its project stopped.
    /// </summary>
    /// <returns>Whether the container stopped itself.</returns>
    private async Task<bool> RecordAutoStopAsync(string id, string containerId, IGitspaceReporter reporter, CancellationToken cancellationToken)
    {
        string? marker;
        try
        {
            marker = await this.Engine.ReadFileAsync(containerId, AutoStopFiles.StoppedFile, cancellationToken);
        }
        catch (EngineException)
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(marker))
        {
            return false;
        }

        if (this.records.Read(id).AutoStopRecorded == marker)
        {
            return true;
        }

        this.records.Update(id, r => r with { AutoStopRecorded = marker, Readiness = null });
        reporter.RecordEvent(id, EventTypes.GitspaceActionAutoStop, "Auto-stopping Gitspace due to inactivity: " + AutoStopFiles.ReasonOf(marker));
        var container = await this.Engine.InspectContainerAsync(containerId, cancellationToken);
        if (ComposeLabels.StateOf(container?.Config.Labels) is { ShutdownAction: not "none" } compose)
        {
            var others = await this.Engine.ListContainersAsync([ComposeLabels.ComposeProject + "=" + compose.Project, DockerLabels.IdFilter(id)], cancellationToken);
            await Task.WhenAll(others.Where(c => c.State == "running").Select(c => this.Engine.StopContainerAsync(c.Id, this.options.StopTimeout, cancellationToken)));
        }

        return true;
    }
}
