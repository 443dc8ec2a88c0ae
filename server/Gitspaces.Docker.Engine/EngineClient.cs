using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Gitspaces.Docker.Engine;

/// <summary>
/// The engine calls on the paths people wait for — list, inspect, create, start, stop, attach, exec, archive upload, volume create —
/// over <see cref="EngineConnection"/>, reading and writing JSON with <see cref="EngineJson"/>. Docker.DotNet stays for the rest (build, pull,
/// events, images). Paths carry no API version, so the engine answers in its own (as with the docker CLI's
/// negotiation, every field read here exists from API 1.41 on).
/// </summary>
public sealed class EngineClient
{
    private readonly Lazy<EngineTls?> tls;
    private readonly EngineTimeouts timeouts;

    /// <summary>Initializes a new instance of the <see cref="EngineClient"/> class.</summary>
    /// <param name="endpoint">The engine.</param>
    /// <param name="timeouts">How long to wait for it; <see cref="EngineTimeouts.Default"/> when <see langword="null"/>.</param>
    public EngineClient(DockerEndpoint endpoint, EngineTimeouts? timeouts = null)
    {
        this.Endpoint = endpoint;
        this.timeouts = timeouts ?? EngineTimeouts.Default;
        this.tls = new Lazy<EngineTls?>(endpoint.Tls, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the engine.</summary>
    public DockerEndpoint Endpoint { get; }

    /// <summary>Reads the engine's version (<c>GET /version</c>).</summary>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The engine's version and its API version.</returns>
    public async Task<(string Version, string ApiVersion)> GetVersionAsync(CancellationToken cancellationToken)
    {
        var body = await this.SendAsync("GET", "/version", null, cancellationToken);
        try
        {
            return (EngineJson.ReadProperty(body, "Version") ?? "unknown", EngineJson.ReadProperty(body, "ApiVersion") ?? "unknown");
        }
        catch (JsonException ex)
        {
            throw this.NotDocker("its /version is not the engine's JSON", ex);
        }
    }

    /// <summary>Lists containers (running or not) that carry every given label.</summary>
    /// <param name="labels">Label filters (<c>key</c> or <c>key=value</c>).</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The containers.</returns>
    public async Task<List<EngineContainer>> ListContainersAsync(IReadOnlyList<string> labels, CancellationToken cancellationToken) =>
        EngineJson.ReadContainers(await this.SendAsync("GET", "/containers/json?all=1&filters=" + LabelFilters(labels), null, cancellationToken));

    /// <summary>Lists volumes that carry every given label.</summary>
    /// <param name="labels">Label filters (<c>key</c> or <c>key=value</c>).</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The volumes.</returns>
    public async Task<IReadOnlyList<EngineVolume>> ListVolumesAsync(IReadOnlyList<string> labels, CancellationToken cancellationToken) =>
        EngineJson.ReadVolumes(await this.SendAsync("GET", "/volumes?filters=" + LabelFilters(labels), null, cancellationToken));

    /// <summary>Inspects a container.</summary>
    /// <param name="nameOrId">The container's name or id.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The container, or <see langword="null"/> when there is none.</returns>
    public async Task<EngineContainerDetails?> InspectContainerAsync(string nameOrId, CancellationToken cancellationToken)
    {
        try
        {
            return EngineJson.ReadContainerDetails(await this.SendAsync("GET", "/containers/" + Uri.EscapeDataString(nameOrId) + "/json", null, cancellationToken));
        }
        catch (EngineException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Inspects an image.</summary>
    /// <param name="nameOrId">The image's reference or id.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The image, or <see langword="null"/> when the engine does not have it.</returns>
    public async Task<EngineImage?> InspectImageAsync(string nameOrId, CancellationToken cancellationToken)
    {
        try
        {
            return EngineJson.ReadImage(await this.SendAsync("GET", "/images/" + Uri.EscapeDataString(nameOrId) + "/json", null, cancellationToken));
        }
        catch (EngineException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Creates a container.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="body">The create request's JSON (<c>Image</c>, its config and <c>HostConfig</c>).</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The new container's id.</returns>
    public Task<string> CreateContainerAsync(string name, byte[] body, CancellationToken cancellationToken) =>
        this.CreateContainerAsync(name, null, body, cancellationToken);

    /// <summary>Creates a container for a platform (<c>docker run --platform</c>).</summary>
    /// <param name="name">Its name.</param>
    /// <param name="platform">The platform (<c>linux/amd64</c>), or <see langword="null"/> for the engine's choice.</param>
    /// <param name="body">The create request's JSON (<c>Image</c>, its config and <c>HostConfig</c>).</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The new container's id.</returns>
    public async Task<string> CreateContainerAsync(string name, string? platform, byte[] body, CancellationToken cancellationToken)
    {
        var query = "/containers/create?name=" + Uri.EscapeDataString(name) + (string.IsNullOrEmpty(platform) ? string.Empty : "&platform=" + Uri.EscapeDataString(platform));
        var answer = await this.SendJsonAsync("POST", query, body, cancellationToken);
        return EngineJson.ReadProperty(answer, "Id") ?? throw new EngineException("The Docker engine created a container without telling its id.");
    }

    /// <summary>Removes a container, running or not, with its anonymous volumes left alone.</summary>
    /// <param name="nameOrId">The container.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns><see langword="true"/> when it was removed, <see langword="false"/> when there was none.</returns>
    public async Task<bool> RemoveContainerAsync(string nameOrId, CancellationToken cancellationToken)
    {
        try
        {
            await this.SendAsync("DELETE", "/containers/" + Uri.EscapeDataString(nameOrId) + "?force=true", null, cancellationToken);
            return true;
        }
        catch (EngineException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Makes an image from a file system archive (<c>docker import</c>), with no registry involved.</summary>
    /// <param name="reference">The image's name and tag (<c>name:tag</c>).</param>
    /// <param name="tar">The root file system as a tar.</param>
    /// <param name="changes">Dockerfile instructions applied to it (<c>LABEL a=b</c>).</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>A task that completes when the image exists.</returns>
    public async Task ImportImageAsync(string reference, Stream tar, IReadOnlyList<string> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(changes);
        var colon = reference.LastIndexOf(':');
        var query = new StringBuilder("/images/create?fromSrc=-&repo=").Append(Uri.EscapeDataString(colon > 0 ? reference[..colon] : reference));
        if (colon > 0)
        {
            query.Append("&tag=").Append(Uri.EscapeDataString(reference[(colon + 1)..]));
        }

        foreach (var change in changes)
        {
            query.Append("&changes=").Append(Uri.EscapeDataString(change));
        }

        // The engine answers 200 and then reports a failure inside its stream of JSON lines.
        var answer = await this.SendAsync("POST", query.ToString(), tar, cancellationToken, "application/x-tar");
        foreach (var line in Encoding.UTF8.GetString(answer).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (EngineJson.ReadProperty(Encoding.UTF8.GetBytes(line), "error") is { Length: > 0 } error)
            {
                throw new EngineException(error);
            }
        }
    }

    /// <summary>Starts a container; one that already runs is left alone.</summary>
    /// <param name="id">The container.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>A task that completes when the engine has started it.</returns>
    public Task StartContainerAsync(string id, CancellationToken cancellationToken) =>
        this.SendAsync("POST", "/containers/" + Uri.EscapeDataString(id) + "/start", null, cancellationToken);

    /// <summary>Stops a container (SIGTERM, then SIGKILL after the timeout); one that does not run is left alone.</summary>
    /// <param name="id">The container.</param>
    /// <param name="timeout">How long to wait before killing it.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>A task that completes when it has stopped.</returns>
    public Task StopContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken) =>
        this.SendAsync("POST", "/containers/" + Uri.EscapeDataString(id) + "/stop?t=" + ((int)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture), null, cancellationToken, limit: timeout + this.timeouts.Call);

    /// <summary>Creates a labelled volume.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="labels">Its labels.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>A task that completes when it exists.</returns>
    public Task CreateVolumeAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) =>
        this.SendJsonAsync("POST", "/volumes/create", EngineJson.WriteVolumeCreate(name, labels), cancellationToken);

    /// <summary>Extracts a tar into a container (running or not).</summary>
    /// <param name="container">The container.</param>
    /// <param name="path">The folder to extract into, which must exist.</param>
    /// <param name="tar">The archive, read from its position to its end.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>A task that completes when the engine has extracted it.</returns>
    public Task PutArchiveAsync(string container, string path, Stream tar, CancellationToken cancellationToken) =>
        this.SendAsync("PUT", "/containers/" + Uri.EscapeDataString(container) + "/archive?path=" + Uri.EscapeDataString(path), tar, cancellationToken, "application/x-tar", Timeout.InfiniteTimeSpan);

    /// <summary>Reads one file from a container (running or not).</summary>
    /// <param name="container">The container.</param>
    /// <param name="path">The file's absolute path.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>Its text, or <see langword="null"/> when it does not exist.</returns>
    public async Task<string?> ReadFileAsync(string container, string path, CancellationToken cancellationToken)
    {
        byte[] tar;
        try
        {
            tar = await this.SendAsync("GET", "/containers/" + Uri.EscapeDataString(container) + "/archive?path=" + Uri.EscapeDataString(path), null, cancellationToken);
        }
        catch (EngineException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        using var stream = new MemoryStream(tar);
        return await TarArchives.ReadFirstFileAsync(stream, cancellationToken);
    }

    /// <summary>Creates an exec.</summary>
    /// <param name="container">The container.</param>
    /// <param name="exec">What to run and how.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The exec's id.</returns>
    public async Task<string> CreateExecAsync(string container, EngineExecCreate exec, CancellationToken cancellationToken)
    {
        var body = await this.SendJsonAsync("POST", "/containers/" + Uri.EscapeDataString(container) + "/exec", EngineJson.WriteExecCreate(exec), cancellationToken);
        return EngineJson.ReadProperty(body, "Id") ?? throw new EngineException("The Docker engine created an exec without telling its id.");
    }

    /// <summary>Starts an exec and attaches to its stdio.</summary>
    /// <param name="execId">The exec.</param>
    /// <param name="cancellationToken">Stops the call (and the stream).</param>
    /// <returns>The multiplexed stream; the caller disposes it.</returns>
    public async Task<EngineExecStream> StartExecAsync(string execId, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream("{\"Detach\":false,\"Tty\":false}"u8.ToArray());
        return await this.UpgradeAsync("/exec/" + Uri.EscapeDataString(execId) + "/start", body, cancellationToken);
    }

    /// <summary>
    /// Attaches to a container's stdout and stderr (not stdin). Attached before the container starts, the stream
    /// carries everything it prints from its first line, as <c>docker start --attach</c> shows it.
    /// </summary>
    /// <param name="container">The container (without a terminal).</param>
    /// <param name="cancellationToken">Stops the call (and the stream).</param>
    /// <returns>The multiplexed stream; the caller disposes it, which detaches without touching the container.</returns>
    public Task<EngineExecStream> AttachAsync(string container, CancellationToken cancellationToken) =>
        this.UpgradeAsync("/containers/" + Uri.EscapeDataString(container) + "/attach?stream=1&stdout=1&stderr=1", null, cancellationToken);

    private async Task<EngineExecStream> UpgradeAsync(string pathAndQuery, Stream? body, CancellationToken cancellationToken)
    {
        var connection = await this.OpenAsync(cancellationToken);
        try
        {
            // The call's limit holds until the response head; the stream then lasts as long as its data.
            using (var head = Limit(this.timeouts.Call, cancellationToken))
            {
                try
                {
                    await connection.SendAsync("POST", pathAndQuery, body is null ? null : "application/json", body, upgrade: true, head.Token);
                    await connection.ReadHeadAsync(head.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw this.TimedOut("POST " + pathAndQuery, this.timeouts.Call);
                }
            }

            this.EnsureDocker(connection);

            // 101 after the upgrade; engines that ignore the upgrade answer 200 and stream the same frames.
            if (connection.StatusCode is not (101 or 200))
            {
                throw Failure(connection.StatusCode, await connection.ReadBodyAsync(cancellationToken));
            }

            return new EngineExecStream(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Inspects an exec (its exit code once it has ended).</summary>
    /// <param name="execId">The exec.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The exec.</returns>
    public async Task<EngineExecDetails> InspectExecAsync(string execId, CancellationToken cancellationToken) =>
        EngineJson.ReadExecDetails(await this.SendAsync("GET", "/exec/" + Uri.EscapeDataString(execId) + "/json", null, cancellationToken));

    private static string LabelFilters(IReadOnlyList<string> labels) => Uri.EscapeDataString(EngineJson.WriteLabelFilters(labels));

    private static EngineException Failure(int status, byte[] body)
    {
        string? message = null;
        try
        {
            message = body.Length > 0 ? EngineJson.ReadProperty(body, "message") : null;
        }
        catch (JsonException)
        {
            message = System.Text.Encoding.UTF8.GetString(body).Trim();
        }

        return new EngineException((HttpStatusCode)status, string.IsNullOrWhiteSpace(message) ? $"the engine answered HTTP {status}" : message);
    }

    private async Task<byte[]> SendJsonAsync(string method, string pathAndQuery, byte[] json, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(json);
        return await this.SendAsync(method, pathAndQuery, body, cancellationToken, "application/json");
    }

    private async Task<byte[]> SendAsync(string method, string pathAndQuery, Stream? body, CancellationToken cancellationToken, string? contentType = null, TimeSpan? limit = null)
    {
        await using var connection = await this.OpenAsync(cancellationToken);
        byte[] response;
        var callLimit = limit ?? this.timeouts.Call;
        using (var call = Limit(callLimit, cancellationToken))
        {
            try
            {
                await connection.SendAsync(method, pathAndQuery, contentType, body, upgrade: false, call.Token);
                await connection.ReadHeadAsync(call.Token);
                this.EnsureDocker(connection);
                response = await connection.ReadBodyAsync(call.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw this.TimedOut(method + " " + pathAndQuery, callLimit);
            }
        }

        // 304: already started or stopped, which is what the caller wanted.
        if (connection.StatusCode >= 400)
        {
            throw Failure(connection.StatusCode, response);
        }

        return response;
    }

    private static CancellationTokenSource Limit(TimeSpan limit, CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (limit != Timeout.InfiniteTimeSpan)
        {
            source.CancelAfter(limit);
        }

        return source;
    }

    private async Task<EngineConnection> OpenAsync(CancellationToken cancellationToken)
    {
        using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connect.CancelAfter(this.timeouts.Connect);
        try
        {
            return await EngineConnection.OpenAsync(this.Endpoint, this.tls.Value, connect.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // No inner exception: the message that explains must be the innermost one.
            throw new TimeoutException($"Could not connect to the Docker engine at {this.Endpoint.Display()} within {this.timeouts.Connect.TotalSeconds:0.#} s.");
        }
    }

    private TimeoutException TimedOut(string call, TimeSpan limit) =>
        new($"The Docker engine at {this.Endpoint.Display()} did not answer {call.Split('?')[0]} within {limit.TotalSeconds:0.#} s.");

    // A Docker engine (and Podman's, and other compatible engines) answers its routes with Api-Version, its errors and
    // unknown routes with JSON, and its streams as raw-stream or an upgrade to tcp; a web server, a proxy's error page or
    // another service at the address answers none of these ways.
    private void EnsureDocker(EngineConnection connection)
    {
        var type = connection.Headers.TryGetValue("Content-Type", out var contentType) ? contentType : string.Empty;
        var docker = connection.Headers.ContainsKey("Api-Version")
            || type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/vnd.docker", StringComparison.OrdinalIgnoreCase)
            || (connection.StatusCode == 101 && connection.Headers.TryGetValue("Upgrade", out var upgrade) && upgrade.Equals("tcp", StringComparison.OrdinalIgnoreCase));
        if (!docker)
        {
            var server = connection.Headers.TryGetValue("Server", out var name) ? $" (Server: {name})" : string.Empty;
            throw this.NotDocker($"it answered HTTP {connection.StatusCode}{server}{(type.Length > 0 ? " with " + type : string.Empty)}, not as the Docker API does", null);
        }
    }

    private EngineNotDockerException NotDocker(string how, Exception? inner) =>
        inner is null
            ? new EngineNotDockerException($"{this.Endpoint.Display()} is not a Docker engine: {how}.")
            : new EngineNotDockerException($"{this.Endpoint.Display()} is not a Docker engine: {how}.", inner);
}
