using System.Globalization;
using System.Net;
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

    /// <summary>Initializes a new instance of the <see cref="EngineClient"/> class.</summary>
    /// <param name="endpoint">The engine.</param>
    public EngineClient(DockerEndpoint endpoint)
    {
        this.Endpoint = endpoint;
        this.tls = new Lazy<EngineTls?>(endpoint.Tls, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the engine.</summary>
    public DockerEndpoint Endpoint { get; }

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
        this.SendAsync("POST", "/containers/" + Uri.EscapeDataString(id) + "/stop?t=" + ((int)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture), null, cancellationToken);

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
        this.SendAsync("PUT", "/containers/" + Uri.EscapeDataString(container) + "/archive?path=" + Uri.EscapeDataString(path), tar, cancellationToken, "application/x-tar");

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
        var connection = await EngineConnection.OpenAsync(this.Endpoint, this.tls.Value, cancellationToken);
        try
        {
            await connection.SendAsync("POST", pathAndQuery, body is null ? null : "application/json", body, upgrade: true, cancellationToken);
            await connection.ReadHeadAsync(cancellationToken);

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

    private async Task<byte[]> SendAsync(string method, string pathAndQuery, Stream? body, CancellationToken cancellationToken, string? contentType = null)
    {
        await using var connection = await EngineConnection.OpenAsync(this.Endpoint, this.tls.Value, cancellationToken);
        await connection.SendAsync(method, pathAndQuery, contentType, body, upgrade: false, cancellationToken);
        await connection.ReadHeadAsync(cancellationToken);
        var response = await connection.ReadBodyAsync(cancellationToken);

        // 304: already started or stopped, which is what the caller wanted.
        if (connection.StatusCode >= 400)
        {
            throw Failure(connection.StatusCode, response);
        }

        return response;
    }
}
