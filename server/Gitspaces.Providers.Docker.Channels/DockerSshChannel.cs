using Gitspaces.Core.Errors;
using Gitspaces.Core.Ssh;
using Gitspaces.Core.State;
using Gitspaces.Docker.Engine;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// The Docker provider's SSH channel on its own, for <c>gitspaces ssh-proxy</c>: one inspect (the container must carry
/// this gitspace's labels), one exec create and one attached exec start of <c>sshd -i</c>. It loads neither the
/// provider's stores nor Docker.DotNet, because every SSH connection starts a process that pays for what it loads.
/// </summary>
public sealed class DockerSshChannel : ISshChannelProvider
{
    private readonly EngineClient engine;
    private readonly Action<string>? log;

    /// <summary>Initializes a new instance of the <see cref="DockerSshChannel"/> class for the engine the provider uses.</summary>
    /// <param name="paths">The state directory (for the endpoint saved with <c>providers/configure</c>).</param>
    /// <param name="environment">Reads environment variables (<c>DOCKER_HOST</c>, TLS); the process's when <see langword="null"/>.</param>
    /// <param name="log">Receives sshd's stderr lines.</param>
    public DockerSshChannel(StatePaths paths, Func<string, string?>? environment = null, Action<string>? log = null)
        : this(new EngineClient(DockerEndpointSetting.Resolve(DockerSettings.Load(paths).Endpoint, environment ?? Environment.GetEnvironmentVariable)), log)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DockerSshChannel"/> class.</summary>
    /// <param name="engine">The engine client.</param>
    /// <param name="log">Receives sshd's stderr lines.</param>
    internal DockerSshChannel(EngineClient engine, Action<string>? log)
    {
        this.engine = engine;
        this.log = log;
    }

    /// <summary>The id of the provider whose gitspaces this channel reaches (<c>docker</c>).</summary>
    public const string ProviderId = DockerLabels.ProviderValue;

    /// <inheritdoc/>
    public string Id => ProviderId;

    /// <inheritdoc/>
    public async Task<Stream> OpenSshChannelAsync(string gitspaceId, CancellationToken cancellationToken)
    {
        try
        {
            var container = await this.engine.InspectContainerAsync(DockerLabels.ContainerName(gitspaceId), cancellationToken)
                ?? throw GitspaceException.NotFound(gitspaceId);

            // A container that merely has our name is not enough: it must carry this gitspace's labels.
            var labels = container.Config.Labels;
            if (labels is null
                || !labels.TryGetValue(DockerLabels.Id, out var labelled) || labelled != gitspaceId
                || !labels.TryGetValue(DockerLabels.Provider, out var provider) || provider != DockerLabels.ProviderValue)
            {
                throw GitspaceException.NotFound(gitspaceId);
            }

            if (!container.State.Running)
            {
                throw new GitspaceException(ErrorCodes.InvalidState, $"Gitspace '{gitspaceId}' is not running; start it first.", new ErrorData { Kind = nameof(ErrorCodes.InvalidState), GitspaceId = gitspaceId, State = "stopped" });
            }

            var exec = await this.engine.CreateExecAsync(
                container.Id,
                new EngineExecCreate
                {
                    Cmd = ["/bin/sh", "-c", "mkdir -p /run/sshd && exec /usr/sbin/sshd -i -f " + SshSetup.ConfigFile],
                    User = "root",
                    AttachStdin = true,
                },
                cancellationToken);
            return new SshExecStream(await this.engine.StartExecAsync(exec, cancellationToken), this.log);
        }
        catch (Exception ex) when (ex is not GitspaceException && ex is not OperationCanceledException && EngineFailures.IsUnreachable(ex))
        {
            throw EngineFailures.Unreachable(this.engine.Endpoint, ex);
        }
        catch (EngineException ex)
        {
            throw GitspaceException.OperationFailed(gitspaceId, "ssh", $"The Docker engine refused the SSH channel to gitspace '{gitspaceId}': {ex.Message}", null, ex);
        }
    }
}
