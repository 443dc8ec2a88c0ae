using System.Text.Json.Nodes;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Core.Ssh;
using Gitspaces.Core.State;
using Gitspaces.DevContainers.Variables;
using Gitspaces.Docker.Engine;
using Gitspaces.Protocol;
using Gitspaces.Providers.Docker.Personal;
using Gitspaces.Providers.Docker.Trust;

namespace Gitspaces.Providers.Docker.Provisioning;

/// <summary>
/// Launches a gitspace as one container from an image or a Dockerfile: the image (pulled or built), its Features and
/// updateRemoteUserUID layers, the metadata merge, the container, the repository upload and SSH.
/// </summary>
internal sealed class SingleContainerLauncher : IContainerLauncher
{
    private readonly DockerEngines engines;
    private readonly StatePaths paths;
    private readonly ISshIdentityStore identities;
    private readonly GitspaceRecordStore records;
    private readonly ImagePasswdCache passwds;
    private readonly ContainerSshSetup ssh;
    private readonly DockerProviderOptions options;
    private readonly ImageLayers layers;
    private readonly HostAccessGate hostAccess;

    public SingleContainerLauncher(DockerEngines engines, StatePaths paths, ISshIdentityStore identities, GitspaceRecordStore records, ImagePasswdCache passwds, ContainerSshSetup ssh, ImageLayers layers, DockerProviderOptions options, HostAccessGate hostAccess)
    {
        this.layers = layers;
        this.hostAccess = hostAccess;
        this.engines = engines;
        this.paths = paths;
        this.identities = identities;
        this.records = records;
        this.passwds = passwds;
        this.ssh = ssh;
        this.options = options;
    }

    /// <inheritdoc/>
    public async Task<EngineContainer> LaunchAsync(LaunchRequest request, IOperationContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var (id, labels, plan, uploadFolder) = (request.GitspaceId, request.Labels, request.Plan, request.UploadFolder);
        var token = context.CancellationToken;
        var defaultMount = WorkspaceFolders.DefaultMount(labels[DockerLabels.Repository]);
        var workspaceFolder = plan.WorkspaceFolder ?? defaultMount;
        var mountTarget = workspaceFolder == defaultMount || workspaceFolder.StartsWith(defaultMount + "/", StringComparison.Ordinal) ? defaultMount : workspaceFolder;
        context.RecordEvent(id, EventTypes.AgentGitspaceCreationStart, "Setting up the gitspace container...");

        // The keys (made once, with the crypto library's first load) are ready by the time the upload needs them.
        var identity = Task.Run(() => this.identities.GetOrCreate(DockerLabels.ProviderValue, id), token);
        var features = await this.layers.ResolveFeaturesAsync(id, plan, context);
        var image = await new ImagePreparer(() => this.engines.Client, this.engines.Engine, this.options.Environment).PrepareAsync(id, plan, context);
        image = await this.layers.InstallFeaturesAsync(id, plan, features, image, context);

        // devcontainer.json was asked about when it was read; the image and the Features it chose ask here.
        await this.hostAccess.RequireImageMetadataAsync(id, request.Subject, image, context);
        var (metadata, devcontainerId) = ContainerMetadata.Merge(labels, plan, image);
        plan = plan with { RunArgs = [.. plan.RunArgs.Select(a => VariableSubstitution.SubstituteDevContainerId(JsonValue.Create(a), devcontainerId)!.GetValue<string>())] };
        var platform = RunArgs.PlatformOf(plan.RunArgs);
        image = await this.layers.UpdateRemoteUserUidAsync(id, metadata, image, context, platform);
        var (parameters, containerUser, remoteUser) = ContainerSpec.Build(id, labels, plan, metadata, image, mountTarget, workspaceFolder);

        // The parameters the engine receives are checked last, whichever property they came from: nothing reaches this
        // machine unasked even where the configuration's reading and the parameters' building disagree.
        await this.hostAccess.RequireAsync(id, request.Subject, ContainerHostAccess.Of(parameters), "container", context, log: false);
        var createdId = await this.engines.Engine.CreateContainerAsync(parameters.Name, platform, ContainerCreateJson.Write(parameters), token);

        // The engine's view of the new container's environment (image ENV with containerEnv over it) is what SSH sessions get.
        var created = this.engines.Engine.InspectContainerAsync(createdId, token);
        var passwd = await this.ReadPasswdAsync(createdId, image, token);
        var sessionEnvironment = await created is { } details ? SessionEnvironment.Of(details) : [];
        var user = PasswdEntry.Find(passwd, remoteUser)
            ?? throw GitspaceException.OperationFailed(id, "users", $"The remote user '{remoteUser}' does not exist in the image {image.Reference}; set remoteUser (or containerUser) in {plan.ConfigPath} to a user of the image.");
        var setUpAtStart = SshSetup.RunsAsRoot(containerUser);
        var ssh = SshSetup.Files(await identity, remoteUser, sessionEnvironment, request.Secrets, user.Uid, user.Gid);
        this.records.Update(id, r => r with { RemoteUid = user.Uid, RemoteGid = user.Gid, SecretsInstalled = request.Secrets.Count > 0, WatcherAtEntrypoint = setUpAtStart });
        IReadOnlyList<ArchiveFile> sshFiles =
        [
            .. ssh,
            .. ContainerGitSetup.HelperFiles(),
            .. AutoStopFiles.Files(request.AutoStopSeconds),
            .. setUpAtStart ? [SshSetup.StartupScript(remoteUser, mountTarget)] : Array.Empty<ArchiveFile>(),
        ];
        if (uploadFolder is not null)
        {
            // The repository and the SSH files in one upload.
            context.Progress("Copying the repository into the workspace volume...");
            using var tar = TarArchives.FromFolderAndFiles(uploadFolder, mountTarget, user.Uid, user.Gid, sshFiles, token);
            context.RecordEvent(id, EventTypes.SshSetupStart, "Setting up SSH...");
            await this.engines.Engine.PutArchiveAsync(createdId, "/", tar, token);
        }
        else
        {
            context.RecordEvent(id, EventTypes.SshSetupStart, "Setting up SSH...");
            using var tar = TarArchives.FromFiles(sshFiles);
            await this.engines.Engine.PutArchiveAsync(createdId, "/", tar, token);
        }

        // Only an upload that happened lets a later connect skip its own.
        this.records.Update(id, r => r with { SshFiles = ContainerSshSetup.Fingerprint(createdId, ssh), GitHelpersIn = createdId });

        if (setUpAtStart)
        {
            await this.ssh.StartAndAwaitAsync(id, createdId, context);
        }
        else
        {
            await this.engines.Engine.StartContainerAsync(createdId, token);
            this.records.Update(id, r => r with { ContainerId = createdId, Readiness = GitspaceReadiness.SettingUp, CreateCommandsDone = false, CreateHooksDone = [] });
            await this.ssh.SetUpByExecAsync(id, createdId, remoteUser, mountTarget, context);
            await this.ssh.EnsureAutoStopAsync(createdId, token);
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

        var passwd = await this.engines.Engine.ReadFileAsync(containerId, "/etc/passwd", cancellationToken);
        if (passwd is not null && !string.IsNullOrEmpty(imageId))
        {
            this.passwds.Write(imageId, passwd);
        }

        return passwd;
    }
}
