using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Ports;
using Gitspaces.Core.State;
using Gitspaces.Docker.Engine;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// The Docker provider's port channel: each forwarded connection is one attached exec of the port helper
/// (<c>port-helper connect PORT</c>) in the gitspace's container, so its bytes travel in the engine's own stream (a
/// remote <c>DOCKER_HOST</c> works, nothing is published), and one long-lived exec per watched gitspace
/// (<c>port-helper watch</c>) reports the listening ports. Like <see cref="DockerSshChannel"/>, it loads neither the
/// provider's stores nor Docker.DotNet, so a process that only forwards stays small.
/// </summary>
public sealed class DockerPortChannel : IPortChannelProvider
{
    // The helper is copied once per container and engine for the life of the process; a new container (rebuild) has a new id.
    // Two first callers may both copy it; the copy is the same file, so that race is harmless.
    private static readonly ConcurrentDictionary<string, Task> Installed = new(StringComparer.Ordinal);

    // The container a gitspace's (or service's) connections went to last, once checked: a connection then costs two
    // engine calls (exec create and start) instead of three. A container's labels never change, and a container that
    // stopped or was replaced (rebuild: a new id) fails the exec create, which checks again.
    private static readonly ConcurrentDictionary<string, string> Checked = new(StringComparer.Ordinal);
    private readonly EngineClient engine;
    private readonly Action<string>? log;

    /// <summary>Initializes a new instance of the <see cref="DockerPortChannel"/> class for the engine the provider uses.</summary>
    /// <param name="paths">The state directory (for the endpoint saved with <c>providers/configure</c>).</param>
    /// <param name="environment">Reads environment variables (<c>DOCKER_HOST</c>, TLS); the process's when <see langword="null"/>.</param>
    /// <param name="log">Receives the helper's stderr lines.</param>
    public DockerPortChannel(StatePaths paths, Func<string, string?>? environment = null, Action<string>? log = null)
        : this(new EngineClient(DockerEndpointSetting.Resolve(DockerSettings.Load(paths).Endpoint, environment ?? Environment.GetEnvironmentVariable)), log)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DockerPortChannel"/> class.</summary>
    /// <param name="engine">The engine client.</param>
    /// <param name="log">Receives the helper's stderr lines.</param>
    internal DockerPortChannel(EngineClient engine, Action<string>? log)
    {
        this.engine = engine;
        this.log = log;
    }

    /// <inheritdoc/>
    public string Id => DockerLabels.ProviderValue;

    /// <inheritdoc/>
    public async Task<Stream> OpenPortChannelAsync(string gitspaceId, int port, string? service, CancellationToken cancellationToken)
    {
        if (port is < 1 or > 65535)
        {
            throw GitspaceException.InvalidParams("$.port", $"Invalid params: {port} is not a TCP port (1–65535).");
        }

        var connect = new EngineExecCreate { Cmd = [PortHelperBinary.PathInContainer, "connect", port.ToString(CultureInfo.InvariantCulture)], User = "root", AttachStdin = true };
        var key = this.engine.Endpoint + "|" + gitspaceId + "|" + service;
        if (Checked.TryGetValue(key, out var known))
        {
            try
            {
                var fast = await this.engine.CreateExecAsync(known, connect, cancellationToken);
                return new SshExecStream(await this.engine.StartExecAsync(fast, cancellationToken), this.log, $"port {port}: ");
            }
            catch (EngineException)
            {
                // Stopped or replaced since: look it up again below.
                Checked.TryRemove(KeyValuePair.Create(key, known));
            }
        }

        return await this.GuardAsync(gitspaceId, async () =>
        {
            var container = await this.ContainerAsync(gitspaceId, service, cancellationToken);
            await this.EnsureHelperAsync(container, cancellationToken);
            var exec = await this.engine.CreateExecAsync(container.Id, connect, cancellationToken);
            var stream = (Stream)new SshExecStream(await this.engine.StartExecAsync(exec, cancellationToken), this.log, $"port {port}: ");
            Checked[key] = container.Id;
            return stream;
        });
    }

    /// <inheritdoc/>
    public Task<PortSettings> GetPortSettingsAsync(string gitspaceId, CancellationToken cancellationToken) =>
        this.GuardAsync(gitspaceId, async () =>
        {
            var container = await this.InspectOwnAsync(gitspaceId, cancellationToken);
            return PortSettingsReader.Read(container.Config.Labels?.GetValueOrDefault(DockerLabels.Metadata));
        });

    /// <inheritdoc/>
    public async IAsyncEnumerable<IReadOnlyList<int>> WatchListeningPortsAsync(string gitspaceId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = await this.GuardAsync(gitspaceId, async () =>
        {
            var container = await this.ContainerAsync(gitspaceId, null, cancellationToken);
            await this.EnsureHelperAsync(container, cancellationToken);
            var exec = await this.engine.CreateExecAsync(
                container.Id,
                new EngineExecCreate { Cmd = [PortHelperBinary.PathInContainer, "watch"], User = "root", AttachStdin = true },
                cancellationToken);
            return await this.engine.StartExecAsync(exec, cancellationToken);
        });

        // Disposing the exec closes its stdin, and the helper exits: a watcher never outlives the process that asked.
        await using var _ = stream;
        var buffer = new byte[8192];
        var line = new StringBuilder();
        while (true)
        {
            int count;
            bool fromError;
            try
            {
                (count, fromError) = await stream.ReadOutputAsync(buffer, cancellationToken);
            }
            catch (IOException)
            {
                // The container stopped (or the engine went away) in the middle of a frame: the watch is over.
                yield break;
            }

            if (count == 0)
            {
                yield break;
            }

            var text = Encoding.ASCII.GetString(buffer, 0, count);
            if (fromError)
            {
                this.log?.Invoke("port watcher: " + text.TrimEnd());
                continue;
            }

            foreach (var c in text)
            {
                if (c != '\n')
                {
                    line.Append(c);
                    continue;
                }

                var ports = ParsePorts(line.ToString());
                line.Clear();
                if (ports is not null)
                {
                    yield return ports;
                }
            }
        }
    }

    /// <summary>Parses one line of <c>port-helper watch</c> (<c>ports 22 3000</c>).</summary>
    /// <param name="line">The line.</param>
    /// <returns>The ports, or <see langword="null"/> for another line.</returns>
    internal static IReadOnlyList<int>? ParsePorts(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words[0] != "ports")
        {
            return null;
        }

        var ports = new List<int>();
        foreach (var word in words.Skip(1))
        {
            if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                ports.Add(port);
            }
        }

        return ports;
    }

    private async Task<T> GuardAsync<T>(string gitspaceId, Func<Task<T>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception ex) when (ex is not GitspaceException && ex is not OperationCanceledException && EngineFailures.IsUnreachable(ex))
        {
            throw EngineFailures.Unreachable(this.engine.Endpoint, ex);
        }
        catch (EngineException ex)
        {
            throw GitspaceException.OperationFailed(gitspaceId, "ports", $"The Docker engine refused the port channel to gitspace '{gitspaceId}': {ex.Message}", null, ex);
        }
    }

    private async Task<EngineContainerDetails> InspectOwnAsync(string gitspaceId, CancellationToken cancellationToken)
    {
        var container = await this.engine.InspectContainerAsync(DockerLabels.ContainerName(gitspaceId), cancellationToken)
            ?? throw GitspaceException.NotFound(gitspaceId);

        // A container that merely has our name is not enough: it must carry this gitspace's labels.
        if (!IsOf(container.Config.Labels, gitspaceId))
        {
            throw GitspaceException.NotFound(gitspaceId);
        }

        return container;
    }

    private async Task<EngineContainerDetails> ContainerAsync(string gitspaceId, string? service, CancellationToken cancellationToken)
    {
        var own = await this.InspectOwnAsync(gitspaceId, cancellationToken);
        var container = own;
        if (service is not null && own.Config.Labels?.GetValueOrDefault(ComposeServiceLabel) != service)
        {
            // Every container of a compose gitspace's project carries the gitspace's id and its service's name.
            var listed = await this.engine.ListContainersAsync([DockerLabels.IdFilter(gitspaceId), DockerLabels.ProviderFilter, ComposeServiceLabel + "=" + service], cancellationToken);
            var match = listed.FirstOrDefault(c => c.State == "running") ?? listed.FirstOrDefault()
                ?? throw new GitspaceException(ErrorCodes.NotSupported, $"Gitspace '{gitspaceId}' has no compose service '{service}'.", new ErrorData { Kind = nameof(ErrorCodes.NotSupported), GitspaceId = gitspaceId, Field = "$.service", Hint = "Name a service of the gitspace's compose project, or leave the service out for the gitspace's own container." });
            container = await this.engine.InspectContainerAsync(match.Id, cancellationToken) ?? throw GitspaceException.NotFound(gitspaceId);
            if (!IsOf(container.Config.Labels, gitspaceId))
            {
                throw GitspaceException.NotFound(gitspaceId);
            }
        }

        if (!container.State.Running)
        {
            var what = service is null ? $"Gitspace '{gitspaceId}'" : $"The compose service '{service}' of gitspace '{gitspaceId}'";
            throw new GitspaceException(ErrorCodes.InvalidState, $"{what} is not running; start it first.", new ErrorData { Kind = nameof(ErrorCodes.InvalidState), GitspaceId = gitspaceId, State = "stopped" });
        }

        return container;
    }

    private Task EnsureHelperAsync(EngineContainerDetails container, CancellationToken cancellationToken)
    {
        var key = this.engine.Endpoint + "|" + container.Id;
        var install = Installed.GetOrAdd(key, _ => this.InstallHelperAsync(container));
        return WaitAsync(install, key, cancellationToken);
    }

    private static async Task WaitAsync(Task install, string key, CancellationToken cancellationToken)
    {
        try
        {
            await install.WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed copy is tried again by the next caller.
            Installed.TryRemove(KeyValuePair.Create(key, install));
            throw;
        }
    }

    private async Task InstallHelperAsync(EngineContainerDetails container)
    {
        var image = container.Config.Image is { Length: > 0 } name ? await this.engine.InspectImageAsync(name, CancellationToken.None) : null;
        var file = PortHelperBinary.For(image?.Architecture)
            ?? throw new GitspaceException(ErrorCodes.NotSupported, $"Port forwarding supports linux/amd64 and linux/arm64 gitspaces; this one runs {image?.Architecture}.", new ErrorData { Kind = nameof(ErrorCodes.NotSupported) });
        using var tar = TarArchives.FromFiles([file]);
        await this.engine.PutArchiveAsync(container.Id, "/", tar, CancellationToken.None);
    }

    private static bool IsOf(Dictionary<string, string>? labels, string gitspaceId) =>
        labels is not null
        && labels.TryGetValue(DockerLabels.Id, out var labelled) && labelled == gitspaceId
        && labels.TryGetValue(DockerLabels.Provider, out var provider) && provider == DockerLabels.ProviderValue;

    // The same name as the provider's ComposeLabels.Service, which this project cannot see.
    private const string ComposeServiceLabel = "dev.gitspaces.compose.service";
}
