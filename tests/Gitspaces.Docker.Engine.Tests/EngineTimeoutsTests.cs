using Gitspaces.TestSupport;

namespace Gitspaces.Docker.Engine.Tests;

/// <summary>
/// An address where something other than a working Docker engine listens: a socket that accepts and never answers,
/// and a web server. Each call fails with the endpoint named instead of hanging or crashing (issue #13).
/// </summary>
public sealed class EngineTimeoutsTests
{
    private static readonly EngineTimeouts Short = new() { Connect = TimeSpan.FromSeconds(2), Call = TimeSpan.FromMilliseconds(500) };

    [Fact]
    public async Task ASocketThatAcceptsAndNeverAnswersFailsTheCallNamingTheEngine()
    {
        await using var silent = EngineStandIn.Start(answer: null);
        var engine = new EngineClient(DockerEndpoint.Resolve(silent.Address, _ => null), Short);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => engine.ListContainersAsync(["dev.gitspaces.provider=docker"], CancellationToken.None));
        Assert.Contains(silent.Address, error.Message, StringComparison.Ordinal);
        Assert.Contains("GET /containers/json", error.Message, StringComparison.Ordinal);

        // A stream's call is limited up to its response head.
        await Assert.ThrowsAsync<TimeoutException>(() => engine.StartExecAsync("abc", CancellationToken.None));
    }

    [Fact]
    public async Task ACallerCancellationIsACancellationNotATimeout()
    {
        await using var silent = EngineStandIn.Start(answer: null);
        var engine = new EngineClient(DockerEndpoint.Resolve(silent.Address, _ => null), new EngineTimeouts { Call = TimeSpan.FromMinutes(10) });
        using var cancel = new CancellationTokenSource();

        var listing = engine.ListContainersAsync([], cancel.Token);
        await silent.Accepted.Task;
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listing);
    }

    [Fact]
    public async Task AWebServerAtTheAddressIsNotADockerEngine()
    {
        await using var web = EngineStandIn.Start("HTTP/1.1 404 Not Found\r\nServer: nginx\r\nContent-Type: text/html\r\nContent-Length: 9\r\n\r\nnot found");
        // The default limits: the answer comes at once, only a loaded machine could make a short limit matter.
        var engine = new EngineClient(DockerEndpoint.Resolve(web.Address, _ => null), EngineTimeouts.Default);

        var error = await Assert.ThrowsAsync<EngineNotDockerException>(() => engine.ListContainersAsync([], CancellationToken.None));
        Assert.Contains("is not a Docker engine", error.Message, StringComparison.Ordinal);
        Assert.Contains("nginx", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<EngineNotDockerException>(() => engine.GetVersionAsync(CancellationToken.None));
    }

    [Fact]
    public void TheCallLimitComesFromTheEnvironment()
    {
        Assert.Equal(EngineTimeouts.Default, EngineTimeouts.FromEnvironment(_ => null));
        var set = EngineTimeouts.FromEnvironment(name => name == EngineTimeouts.CallVariable ? "2.5" : null);
        Assert.Equal((TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(2.5)), (set.Call, set.Connect));
    }
}
