using Docker.DotNet;
using Gitspaces.Docker.Engine;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// The two clients of the engine the provider talks to, made on first use and replaced together when the endpoint
/// changes. The calls people wait for go through our own <see cref="EngineClient"/>; Docker.DotNet (and
/// Newtonsoft.Json) loads only for builds, pulls, removals and the events stream.
/// </summary>
internal sealed class DockerEngines : IDisposable
{
    private readonly Lock gate = new();
    private readonly EngineTimeouts timeouts;
    private DockerEndpoint endpoint;
    private DockerClient? client;
    private EngineClient? engine;

    public DockerEngines(DockerEndpoint endpoint, EngineTimeouts? timeouts = null)
    {
        this.endpoint = endpoint;
        this.timeouts = timeouts ?? EngineTimeouts.Default;
    }

    /// <summary>Gets the engine's address.</summary>
    public DockerEndpoint Endpoint
    {
        get
        {
            lock (this.gate)
            {
                return this.endpoint;
            }
        }
    }

    /// <summary>Gets Docker.DotNet's client.</summary>
    public DockerClient Client
    {
        get
        {
            lock (this.gate)
            {
                return this.client ??= this.endpoint.CreateClient();
            }
        }
    }

    /// <summary>Gets our own engine client.</summary>
    public EngineClient Engine
    {
        get
        {
            lock (this.gate)
            {
                return this.engine ??= new EngineClient(this.endpoint, this.timeouts);
            }
        }
    }

    /// <summary>Points both clients at another engine; the next use makes them anew.</summary>
    /// <param name="newEndpoint">The engine's address.</param>
    public void Reconfigure(DockerEndpoint newEndpoint)
    {
        lock (this.gate)
        {
            this.endpoint = newEndpoint;
            this.client?.Dispose();
            this.client = null;
            this.engine = null;
        }
    }

    public void Dispose()
    {
        lock (this.gate)
        {
            this.client?.Dispose();
            this.client = null;
        }
    }
}
