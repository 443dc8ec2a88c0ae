using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Core.Ssh;
using Gitspaces.Protocol;
using Gitspaces.Providers.Docker.Provisioning;
using Gitspaces.Ssh.Links;

namespace Gitspaces.Providers.Docker.Connect;

/// <summary>
/// Hands an editor a running gitspace: its SSH files re-installed, postAttachCommand run, the host entry in the user's
/// SSH configuration, and every editor's link from the one shared builder.
/// </summary>
internal sealed class DockerConnector
{
    private readonly DockerEngines engines;
    private readonly ISshIdentityStore identities;
    private readonly ISshHostRegistry hosts;
    private readonly GitspaceRecordStore records;
    private readonly ContainerSshSetup ssh;
    private readonly ContainerGitSetup git;
    private readonly Func<bool> forwardAgent;

    public DockerConnector(DockerEngines engines, ISshIdentityStore identities, ISshHostRegistry hosts, GitspaceRecordStore records, ContainerSshSetup ssh, ContainerGitSetup git, Func<bool> forwardAgent)
    {
        this.git = git;
        this.forwardAgent = forwardAgent;
        this.engines = engines;
        this.identities = identities;
        this.hosts = hosts;
        this.records = records;
        this.ssh = ssh;
    }

    /// <summary>Writes (or refreshes) the gitspace's SSH host entry.</summary>
    /// <param name="id">The gitspace.</param>
    /// <param name="user">Its remote user.</param>
    /// <returns>The alias.</returns>
    public string Register(string id, string user)
    {
        var identity = this.identities.GetOrCreate(DockerLabels.ProviderValue, id);
        var alias = this.hosts.Register(new SshHostRegistration { Provider = DockerLabels.ProviderValue, GitspaceId = id, User = user, Identity = identity, ForwardAgent = this.forwardAgent() });
        this.records.Update(id, r => r with { SshHost = alias });
        return alias;
    }

    /// <summary>Connects to a running gitspace.</summary>
    /// <param name="id">The gitspace.</param>
    /// <param name="ide">The IDE to make links for.</param>
    /// <param name="readBack">Reads the gitspace as it is after connecting (its SSH host is recorded by then).</param>
    /// <param name="context">Reports events and log lines; carries cancellation.</param>
    /// <returns>How to connect.</returns>
    public async Task<ConnectResult> ConnectAsync(string id, string ide, Func<CancellationToken, Task<Gitspace>> readBack, IOperationContext context)
    {
        var token = context.CancellationToken;
        var container = await this.engines.Engine.InspectContainerAsync(DockerLabels.ContainerName(id), token) ?? throw GitspaceException.NotFound(id);
        var containerLabels = container.Config.Labels ?? [];
        var user = containerLabels[DockerLabels.RemoteUser];
        var workspace = containerLabels[DockerLabels.WorkspaceFolder];
        var identity = this.identities.GetOrCreate(DockerLabels.ProviderValue, id);

        // The keys live on this machine; re-installing them costs one small upload and heals a gitspace whose keys were re-created.
        // The secrets as they are now; a gitspace that had some and has none now loses them.
        var secrets = context.SecretsFor(containerLabels.TryGetValue(DockerLabels.Repository, out var repository) ? repository : string.Empty);
        await this.ssh.InstallFilesAsync(id, container.Id, identity, user, SessionEnvironment.Of(container), secrets, token);
        context.RecordEvent(id, EventTypes.AgentConnectStart, "Connecting to the gitspace...");
        var plan = LifecyclePlan.FromLabels(containerLabels);
        if (plan.For(LifecycleHooks.PostAttach).Count > 0)
        {
            var runner = LifecycleRunner.ForContainer(this.engines.Engine, id, container.Id, containerLabels, secrets);
            try
            {
                await runner.RunHookAsync(LifecycleHooks.PostAttach, plan.For(LifecycleHooks.PostAttach), context, token);
            }
            catch (LifecycleCommandFailedException ex)
            {
                context.RecordEvent(id, EventTypes.AgentConnectFailed, ex.Message);
                throw GitspaceException.OperationFailed(id, ex.Hook, ex.Message, ex.Log);
            }
        }

        // The helper that asks this machine for git logins, and the user's name and email (which may have changed).
        var gitSetup = await this.git.ApplyAsync(container.Id, user, this.records.Read(id).GitSetup, this.records.Read(id).GitHelpersIn == container.Id, (stream, line) => context.WriteLog(id, stream, line), token);
        if (gitSetup is not null)
        {
            this.records.Update(id, r => r with { GitSetup = gitSetup });
        }

        var alias = this.Register(id, user);
        context.RecordEvent(id, EventTypes.AgentConnectCompleted, $"Connect with `ssh {alias}`");
        var current = await readBack(token);

        // One builder for every editor's link, shared with the CLI's `open` and the other providers.
        return ConnectResults.WithStandardLinks(
            new ConnectResult
            {
                SshHost = alias,
                User = user,
                WorkspaceFolder = workspace,
                SshCommand = string.Empty,
                RemoteUri = string.Empty,
                Links = new ConnectLinks(),
                Gitspace = current,
            },
            ide);
    }
}
