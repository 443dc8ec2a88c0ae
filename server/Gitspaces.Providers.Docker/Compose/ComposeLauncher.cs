using System.Globalization;
using Docker.DotNet.Models;
using Gitspaces.Compose;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Core.Ssh;
using Gitspaces.Core.State;
using Gitspaces.Docker.Engine;
using Gitspaces.DevContainers.Jsonc;
using Gitspaces.Protocol;
using Gitspaces.Providers.Docker.Provisioning;
using Gitspaces.Providers.Docker.Trust;

namespace Gitspaces.Providers.Docker.Compose;

/// <summary>
/// Launches a Docker Compose gitspace the way the reference CLI does, with the user's compose CLI: the merged
/// configuration, the service's image (built by compose, or pulled), its Features and updateRemoteUserUID layers, an
/// override file with our labels, the keep-alive entrypoint, the devcontainer.json properties and the workspace volume,
/// then <c>up</c> of the project. The service's container gets the gitspace's container name, so that SSH, connect and
/// the list find it as they find every gitspace's container.
/// </summary>
internal sealed class ComposeLauncher : IContainerLauncher
{
    private readonly DockerEngines engines;
    private readonly StatePaths paths;
    private readonly ISshIdentityStore identities;
    private readonly GitspaceRecordStore records;
    private readonly ContainerSshSetup ssh;
    private readonly ComposeRunner runner;
    private readonly DockerProviderOptions options;
    private readonly ImageLayers layers;
    private readonly HostAccessGate hostAccess;

    public ComposeLauncher(DockerEngines engines, StatePaths paths, ISshIdentityStore identities, GitspaceRecordStore records, ContainerSshSetup ssh, ComposeRunner runner, ImageLayers layers, DockerProviderOptions options, HostAccessGate hostAccess)
    {
        this.hostAccess = hostAccess;
        this.engines = engines;
        this.paths = paths;
        this.identities = identities;
        this.records = records;
        this.ssh = ssh;
        this.runner = runner;
        this.layers = layers;
        this.options = options;
    }

    /// <summary>Returns the folder that keeps a gitspace's override files.</summary>
    /// <param name="paths">The state paths.</param>
    /// <param name="id">The gitspace id.</param>
    /// <returns>The folder.</returns>
    public static string FilesFolder(StatePaths paths, string id) => Path.Combine(paths.DataDirectory, "docker", "compose", id);

    /// <inheritdoc/>
    public async Task<EngineContainer> LaunchAsync(LaunchRequest request, IOperationContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var (id, labels, plan, uploadFolder) = (request.GitspaceId, request.Labels, request.Plan, request.UploadFolder);
        var compose = plan.Compose!;
        var token = context.CancellationToken;
        var rebuild = uploadFolder is null;
        var cli = await this.runner.CliAsync(token);
        context.RecordEvent(id, EventTypes.AgentGitspaceCreationStart, $"Setting up the gitspace's compose project with {cli.DisplayName} {cli.Version}...");
        var identity = Task.Run(() => this.identities.GetOrCreate(DockerLabels.ProviderValue, id), token);
        var folder = Directory.CreateDirectory(FilesFolder(this.paths, id)).FullName;
        var state = new ComposeState
        {
            Project = ComposeLabels.ProjectName(id),
            Service = compose.Service,
            Files = [.. compose.Files],
            Override = Path.Combine(folder, "docker-compose.gitspaces.yml"),
            WorkingDirectory = compose.Files.Count > 0 ? Path.GetDirectoryName(compose.Files[0])! : Path.GetDirectoryName(plan.ConfigFile)!,
            RunServices = [.. compose.RunServices ?? []],
            ShutdownAction = compose.ShutdownAction,
        };
        var version = compose.Files.Count > 0 && File.Exists(compose.Files[0]) ? ComposeConfigReader.ReadVersion(await File.ReadAllTextAsync(compose.Files[0], token)) : null;

        // The merged configuration: every file, .env and variables applied, paths absolute.
        var project = await this.ReadConfigurationAsync(id, state, plan, context);
        var service = project.Service(compose.Service) ?? throw Invalid(plan, $"Service '{compose.Service}' configured in devcontainer.json not found in Docker Compose configuration.");
        List<string> toRun = state.ServicesToUp() is { Count: > 0 } named ? named : [.. project.Services.Select(s => s.Name)];
        foreach (var missing in toRun.Where(n => project.Service(n) is null))
        {
            throw Invalid(plan, $"Service '{missing}' in runServices is not in the Docker Compose configuration.");
        }

        // What any service of the project reaches of this machine (host binds, privileges, the host's namespaces) asks
        // the same consent as devcontainer.json's properties, before anything is built or started. What is granted is
        // written to the log, so a host bind is never made silently.
        var readFrom = plan.RepositoryRoot;
        await this.hostAccess.RequireAsync(id, request.Subject, ComposeHostAccess.Of(project, readFrom), "Docker Compose", context);

        // Services compose builds get a tag of ours, so that delete finds them whatever the compose version names them.
        var builtImages = project.Services.Where(s => s.Build is not null && s.Image is null).ToDictionary(s => s.Name, s => ComposeLabels.BuiltImage(id, s.Name), StringComparer.Ordinal);
        await File.WriteAllTextAsync(state.Override, ComposeOverrideWriter.Write(new ComposeOverride
        {
            Version = version,
            // docker-compose v1 reads a file whose `services` is empty as the legacy version 1 format and refuses to merge it
            // with a versionless file ("Version mismatch"): the gitspace's service is always named, if only with nothing to add.
            Services = builtImages.Count > 0
                ? [.. builtImages.Select(b => new ComposeServiceOverride { Name = b.Key, Image = b.Value })]
                : [new ComposeServiceOverride { Name = service.Name }],
        }), token);

        var image = await this.PrepareImageAsync(id, state, service, builtImages, toRun, project, plan, context);

        // The service's `user:` is the user Features install for and the image ends with, as the reference passes it.
        image = await this.layers.ApplyAsync(id, plan, image, context, service.User);

        // devcontainer.json was asked about when it was read; the service's image and its Features ask here.
        await this.hostAccess.RequireImageMetadataAsync(id, request.Subject, image, context);
        var (metadata, _) = ContainerMetadata.Merge(labels, plan, image);
        image = await this.layers.UpdateRemoteUserUidAsync(id, metadata, image, context);

        var containerUser = metadata.ContainerUser ?? service.User ?? (string.IsNullOrEmpty(image.Details.User) ? "root" : image.Details.User);
        var remoteUser = metadata.RemoteUser ?? containerUser;
        var workspaceFolder = plan.WorkspaceFolder ?? "/";

        // The repository's binds point at the workspace volume. They are found relative to the copy the configuration
        // was read from (on rebuild of a local folder, that folder rather than the clone), and the volume holds the
        // repository under the clone's name.
        var clone = labels[DockerLabels.LocalFolder];
        var mountpoint = (await this.engines.Client.Volumes.InspectAsync(DockerLabels.VolumeName(id), token)).Mountpoint;
        var overrides = new List<ComposeServiceOverride>();
        string? repositoryFolder = null;
        foreach (var each in project.Services)
        {
            var (volumes, folderInService) = WorkspaceBinds.Map(each, readFrom, Path.GetFileName(clone), DockerLabels.VolumeName(id), mountpoint, plan.ConfigPath);
            var serviceLabels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [DockerLabels.Id] = id,
                [DockerLabels.Provider] = DockerLabels.ProviderValue,
                [ComposeLabels.Service] = each.Name,
            };
            if (labels.TryGetValue(DockerLabels.Home, out var home))
            {
                // Every container of the project belongs to the home that made the gitspace, as its service's does.
                serviceLabels[DockerLabels.Home] = home;
            }

            if (each.Name != service.Name)
            {
                overrides.Add(new ComposeServiceOverride { Name = each.Name, Image = builtImages.GetValueOrDefault(each.Name), Labels = serviceLabels, Volumes = volumes });
                continue;
            }

            repositoryFolder = folderInService;
            state = state with { RepositoryFolder = folderInService };
            foreach (var (key, value) in labels)
            {
                serviceLabels[key] = value;
            }

            serviceLabels[DockerLabels.RemoteUser] = remoteUser;
            serviceLabels[DockerLabels.WorkspaceFolder] = workspaceFolder;
            serviceLabels[DockerLabels.Lifecycle] = metadata.Lifecycle.ToLabel();
            serviceLabels[DockerLabels.Metadata] = JsonStringify.Stringify(new System.Text.Json.Nodes.JsonArray([.. metadata.Entries.Select(e => (System.Text.Json.Nodes.JsonNode)e.DeepClone())]));
            serviceLabels[DockerLabels.ConfigFile] = plan.ConfigFile;
            serviceLabels[ComposeLabels.State] = ComposeLabels.Write(state);
            labels.Clear();
            foreach (var (key, value) in serviceLabels)
            {
                labels[key] = value;
            }

            var mounts = metadata.Mounts.Select(m => Mounts.Parse(m, plan.ConfigPath)).ToList();
            var overrideCommand = metadata.OverrideCommand ?? false;
            var script = "echo Container started\ntrap \"exit 0\" 15\n"
                + string.Concat(metadata.Entrypoints.Select(e => e + "\n"))
                + "exec \"$@\"\nwhile sleep 1 & wait $!; do :; done";
            var original = overrideCommand ? [] : each.Entrypoint ?? image.Details.Entrypoint ?? [];
            var command = overrideCommand ? [] : each.Command ?? (each.Entrypoint is not null ? [] : image.Details.Cmd ?? []);
            overrides.Add(new ComposeServiceOverride
            {
                Name = each.Name,
                Image = image.Reference != (each.Image ?? builtImages.GetValueOrDefault(each.Name)) ? image.Reference : builtImages.GetValueOrDefault(each.Name),
                ContainerName = DockerLabels.ContainerName(id),
                Entrypoint = ["/bin/sh", "-c", script, "-", .. original],
                Command = command,
                Init = metadata.Init,
                User = metadata.ContainerUser,
                Environment = metadata.ContainerEnv,
                Privileged = metadata.Privileged,
                CapAdd = metadata.CapAdd,
                SecurityOpt = metadata.SecurityOpt,
                Labels = serviceLabels,
                Volumes = [.. mounts.Select(m => m.Source is { Length: > 0 } source ? $"{source}:{m.Target}{(m.ReadOnly == true ? ":ro" : string.Empty)}" : m.Target), .. volumes],
            });
        }

        var file = new ComposeOverride
        {
            Version = version,
            Services = overrides,
            ExternalVolumes = [DockerLabels.VolumeName(id)],
            Volumes = [.. metadata.Mounts.Select(m => Mounts.Parse(m, plan.ConfigPath)).Where(m => m.Type == "volume" && !string.IsNullOrEmpty(m.Source)).Select(m => m.Source)],
        };
        await File.WriteAllTextAsync(state.Override, ComposeOverrideWriter.Write(file), token);
        context.WriteLog(id, "system", $"Docker Compose override file: {state.Override}");

        // The repository goes into the workspace volume before any service starts (a service's command may use it).
        if (uploadFolder is not null)
        {
            await this.UploadRepositoryAsync(id, uploadFolder, image, remoteUser, context);
        }

        context.RecordEvent(id, EventTypes.ComposeUpStart, $"Starting the compose project {state.Project} ({string.Join(", ", toRun)})...");
        // Every service with a build section was built above, and the gitspace's service now names the image with its
        // Features: were that image gone (another process removed it as unused meanwhile), compose would build the
        // service's Dockerfile and tag the result with the Features image's name, so `up` never builds.
        List<string> up = [.. state.ProjectArguments(), "up", "-d", "--no-build"];
        if (rebuild)
        {
            up.AddRange(["--force-recreate", "--remove-orphans"]);
        }

        up.AddRange(state.ServicesToUp());
        await this.RunStepAsync(id, state, up, plan, context);
        var created = await this.engines.Engine.InspectContainerAsync(DockerLabels.ContainerName(id), token)
            ?? throw UpFailed(id, $"created no container for the service '{service.Name}'.", null, context);
        await this.CheckRunningAsync(id, state, toRun, context);
        context.RecordEvent(id, EventTypes.ComposeUpCompleted, $"Started the compose project {state.Project}");

        this.records.Update(id, r => r with { ContainerId = created.Id, Readiness = GitspaceReadiness.SettingUp, CreateCommandsDone = false, CreateHooksDone = [] });
        var passwd = await this.engines.Engine.ReadFileAsync(created.Id, "/etc/passwd", token);
        var account = PasswdEntry.Find(passwd, remoteUser)
            ?? throw GitspaceException.OperationFailed(id, "users", $"The remote user '{remoteUser}' does not exist in the service's container (image {image.Reference}); set remoteUser (or containerUser) in {plan.ConfigPath} to a user of the image.");
        context.RecordEvent(id, EventTypes.SshSetupStart, "Setting up SSH...");

        // The engine's view of the service's environment (image ENV, compose's environment, containerEnv) is what SSH sessions get.
        var ssh = SshSetup.Files(await identity, remoteUser, SessionEnvironment.Of(created), request.Secrets, account.Uid, account.Gid);
        this.records.Update(id, r => r with { RemoteUid = account.Uid, RemoteGid = account.Gid, SecretsInstalled = request.Secrets.Count > 0, WatcherAtEntrypoint = false });
        using (var tar = TarArchives.FromFiles([.. ssh, .. ContainerGitSetup.HelperFiles(), .. Personal.AutoStopFiles.Files(request.AutoStopSeconds)]))
        {
            await this.engines.Engine.PutArchiveAsync(created.Id, "/", tar, token);
        }

        // Only an upload that happened lets a later connect skip its own.
        this.records.Update(id, r => r with { SshFiles = ContainerSshSetup.Fingerprint(created.Id, ssh), GitHelpersIn = created.Id });
        await this.ssh.SetUpByExecAsync(id, created.Id, remoteUser, repositoryFolder ?? workspaceFolder, context);
        await this.ssh.EnsureAutoStopAsync(created.Id, token);
        context.RecordEvent(id, EventTypes.AgentGitspaceCreationCompleted, $"Started container {DockerLabels.ContainerName(id)} (service '{service.Name}') from {image.Reference}");
        return new EngineContainer
        {
            Id = created.Id,
            Names = ["/" + DockerLabels.ContainerName(id)],
            Image = image.Reference,
            State = "running",
            Created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            Labels = labels,
        };
    }

    /// <summary>Starts a stopped compose gitspace's project again (<c>up -d --no-recreate</c>, as the reference resumes one).</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="state">The project.</param>
    /// <param name="context">Receives events and log lines.</param>
    /// <returns>A task that completes when the services run.</returns>
    public async Task StartAsync(string id, ComposeState state, IOperationContext context)
    {
        context.RecordEvent(id, EventTypes.ComposeUpStart, $"Starting the compose project {state.Project}...");
        if (state.Files.Any(f => !File.Exists(f)) || !File.Exists(state.Override))
        {
            // The files are gone (a cleaned state folder): the engine still has every container of the project.
            foreach (var container in await this.engines.Engine.ListContainersAsync([ComposeLabels.ComposeProject + "=" + state.Project, DockerLabels.IdFilter(id)], context.CancellationToken))
            {
                await this.engines.Engine.StartContainerAsync(container.Id, context.CancellationToken);
            }
        }
        else
        {
            await this.RunStepAsync(id, state, [.. state.ProjectArguments(), "up", "-d", "--no-recreate", .. state.ServicesToUp()], null, context);
        }

        await this.CheckRunningAsync(id, state, state.ServicesToUp(), context);
        context.RecordEvent(id, EventTypes.ComposeUpCompleted, $"Started the compose project {state.Project}");
    }

    /// <summary>
    /// Copies the repository into the workspace volume through a container made from the service's image and never
    /// started (the files belong to the remote user of that image); the volume holds the folder the clone sits in.
    /// </summary>
    private async Task UploadRepositoryAsync(string id, string repository, PreparedImage image, string remoteUser, IOperationContext context)
    {
        var token = context.CancellationToken;
        const string Target = "/gitspace-workspace";
        context.Progress("Copying the repository into the workspace volume...");
        var parameters = new CreateContainerParameters
        {
            Name = DockerLabels.ContainerName(id) + "-upload",
            Image = image.Reference,
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { [DockerLabels.Id] = id, [DockerLabels.Provider] = DockerLabels.ProviderValue },
            Entrypoint = ["/bin/true"],
            HostConfig = new HostConfig { Mounts = [new Mount { Type = "volume", Source = DockerLabels.VolumeName(id), Target = Target }] },
        };
        await this.RemoveQuietlyAsync(parameters.Name, token);
        var helper = await this.engines.Engine.CreateContainerAsync(parameters.Name, null, ContainerCreateJson.Write(parameters), token);
        try
        {
            var user = PasswdEntry.Find(await this.engines.Engine.ReadFileAsync(helper, "/etc/passwd", token), remoteUser);
            using var tar = TarArchives.FromFolderAndFiles(repository, Target + "/" + Path.GetFileName(repository), user?.Uid ?? 0, user?.Gid ?? 0, [], token);
            await this.engines.Engine.PutArchiveAsync(helper, "/", tar, token);
        }
        finally
        {
            await this.RemoveQuietlyAsync(helper, CancellationToken.None);
        }
    }

    private async Task RemoveQuietlyAsync(string container, CancellationToken cancellationToken)
    {
        try
        {
            await this.engines.Client.Containers.RemoveContainerAsync(container, new ContainerRemoveParameters { Force = true }, cancellationToken);
        }
        catch (Exception ex) when (DockerFailures.IsNotFound(ex))
        {
            // Not there.
        }
    }

    /// <summary>The repository folder a configuration was read from: its devcontainer.json without the path below the root.</summary>
    private static GitspaceException Invalid(DevcontainerPlan plan, string message) =>
        new(ErrorCodes.DevcontainerInvalid, $"{plan.ConfigPath}: {message}", new ErrorData
        {
            Kind = nameof(ErrorCodes.DevcontainerInvalid),
            Hint = "Fix the compose file or devcontainer.json and create the gitspace again.",
        });

    private async Task<ComposeProject> ReadConfigurationAsync(string id, ComposeState state, DevcontainerPlan plan, IOperationContext context)
    {
        List<string> arguments = [];
        foreach (var file in state.Files)
        {
            arguments.AddRange(["-f", file]);
        }

        var cli = await this.runner.CliAsync(context.CancellationToken);
        if (cli.MajorVersion >= 2)
        {
            // As the reference reads it: every profile's services, so that runServices can name any of them.
            arguments.AddRange(["--profile", "*"]);
        }

        arguments.Add("config");
        var result = await this.runner.RunAsync(id, arguments, state.WorkingDirectory, NoLog.Instance, context.CancellationToken);
        if (result.ExitCode != 0)
        {
            foreach (var line in result.Tail)
            {
                context.WriteLog(id, "stderr", line);
            }

            context.RecordEvent(id, EventTypes.ComposeUpFailed, result.Reason);
            throw new GitspaceException(ErrorCodes.DevcontainerInvalid, $"{plan.ConfigPath}: Docker Compose cannot read its configuration: {result.Reason}", new ErrorData
            {
                Kind = nameof(ErrorCodes.DevcontainerInvalid),
                GitspaceId = id,
                Hint = "Fix the compose file (`docker compose config` shows the same message) and create the gitspace again.",
            });
        }

        try
        {
            return ComposeConfigReader.Read(result.StandardOutput);
        }
        catch (FormatException ex)
        {
            throw Invalid(plan, ex.Message);
        }
    }

    private async Task<PreparedImage> PrepareImageAsync(string id, ComposeState state, ComposeService service, Dictionary<string, string> builtImages, IReadOnlyList<string> toRun, ComposeProject project, DevcontainerPlan plan, IOperationContext context)
    {
        var token = context.CancellationToken;
        var toBuild = project.Services.Where(s => s.Build is not null && toRun.Contains(s.Name)).Select(s => s.Name).ToList();
        if (service.Build is not null && !toBuild.Contains(service.Name))
        {
            toBuild.Add(service.Name);
        }

        if (toBuild.Count > 0)
        {
            context.RecordEvent(id, EventTypes.ImageBuildStart, $"Building {string.Join(", ", toBuild)} with compose...");
            var result = await this.runner.RunAsync(id, [.. state.ProjectArguments(), "build", .. toBuild], state.WorkingDirectory, context, token);

            if (result.ExitCode != 0)
            {
                context.RecordEvent(id, EventTypes.ImageBuildFailed, result.Reason);
                throw GitspaceException.OperationFailed(id, "image_build", $"Docker Compose could not build {string.Join(", ", toBuild)}: {result.Reason}", result.Tail);
            }

            context.RecordEvent(id, EventTypes.ImageBuildCompleted, $"Built {string.Join(", ", toBuild)}");
        }

        if (service.Build is not null)
        {
            var reference = service.Image ?? builtImages[service.Name];
            var details = await this.engines.Engine.InspectImageAsync(reference, token)
                ?? throw GitspaceException.OperationFailed(id, "image_build", $"Docker Compose built the service '{service.Name}' but the engine has no image {reference}.");
            return new PreparedImage(reference, details);
        }

        if (service.Image is null)
        {
            throw Invalid(plan, $"the compose service '{service.Name}' has neither an image nor a build section.");
        }

        return await new ImagePreparer(() => this.engines.Client, this.engines.Engine, this.options.Environment).PrepareAsync(id, plan with { Image = service.Image, Dockerfile = null }, context);
    }

    private async Task RunStepAsync(string id, ComposeState state, IReadOnlyList<string> arguments, DevcontainerPlan? plan, IOperationContext context)
    {
        var result = await this.runner.RunAsync(id, arguments, state.WorkingDirectory, context, context.CancellationToken);
        if (result.ExitCode != 0)
        {
            throw UpFailed(id, $"`{string.Join(' ', arguments.Where(a => a is "up" or "-d"))}` failed: {result.Reason}", result.Tail, context);
        }
    }

    private static GitspaceException UpFailed(string id, string message, IReadOnlyList<string>? log, IOperationContext context)
    {
        context.RecordEvent(id, EventTypes.ComposeUpFailed, message);
        return GitspaceException.OperationFailed(id, "compose_up", "Docker Compose " + message, log);
    }

    /// <summary>Fails when a service that should run has stopped with an error (a one-shot service that ended well is fine), naming it with its last log lines.</summary>
    private async Task CheckRunningAsync(string id, ComposeState state, List<string> services, IOperationContext context)
    {
        var token = context.CancellationToken;
        var containers = await this.engines.Engine.ListContainersAsync([ComposeLabels.ComposeProject + "=" + state.Project, DockerLabels.IdFilter(id)], token);
        foreach (var container in containers)
        {
            var name = container.Labels?.GetValueOrDefault(ComposeLabels.Service) ?? string.Empty;
            if (container.State == "running" || (services.Count > 0 && !services.Contains(name)))
            {
                continue;
            }

            var details = await this.engines.Client.Containers.InspectContainerAsync(container.Id, token);
            if (name != state.Service && details.State.ExitCode == 0)
            {
                continue;
            }

            var logs = await this.runner.RunAsync(id, [.. state.ProjectArguments(), "logs", "--no-color", "--tail=30", name], state.WorkingDirectory, NoLog.Instance, token);
            var lines = logs.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (var line in lines)
            {
                context.WriteLog(id, "stderr", line);
            }

            throw UpFailed(id, $"started the service '{name}' but it exited with code {details.State.ExitCode.ToString(CultureInfo.InvariantCulture)}{(lines.Length > 0 ? ": " + lines[^1].Trim() : string.Empty)}", lines, context);
        }
    }

    /// <summary>A reporter that keeps nothing, for commands whose output is read, not shown.</summary>
    private sealed class NoLog : IGitspaceReporter
    {
        public static readonly NoLog Instance = new();

        public void RecordEvent(string gitspaceId, string type, string message)
        {
        }

        public void WriteLog(string gitspaceId, string stream, string line)
        {
        }

        public void Changed(Gitspace gitspace)
        {
        }
    }
}
