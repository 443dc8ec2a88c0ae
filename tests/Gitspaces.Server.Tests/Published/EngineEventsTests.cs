using System.Text.Json.Nodes;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Published;

/// <summary>
/// The published <c>gitspaces serve</c> follows the engine's events (Docker.DotNet's <c>MonitorEventsAsync</c>, whose
/// messages it deserializes with Newtonsoft): a gitspace's container stopped with the docker CLI behind the editor's
/// back reaches the editor as <c>gitspaces/didChange</c> with the state <c>stopped</c>, and as an event that says so.
/// </summary>
[Collection(PublishedProgramTests.Name)]
public sealed class EngineEventsTests(DockerTestRun run)
{
    [Fact]
    public async Task A_container_stopped_with_the_docker_cli_reaches_the_editor_as_didChange_stopped()
    {
        await using var user = await PublishedUser.CreateAsync();
        var name = run.Name("events");
        var container = "gitspace-" + name;
        PublishedUser.Succeeded(await user.UpAsync(await TestRepository.CreatePlainAsync("watched"), name));
        await using var server = user.Serve();
        await server.InitializeAsync();
        var listed = await server.RequestAsync(Methods.GitspacesList, new JsonObject());
        Assert.Contains(listed["result"]!["gitspaces"]!.AsArray(), g => g!["id"]!.GetValue<string>() == name && g["state"]!.GetValue<string>() == "running");

        // Watching starts after `initialized`, asynchronously, and nothing says when the engine has taken the
        // subscription: stop the container again (bounded) until the server has reported it.
        JsonObject? stopped = null;
        for (var attempt = 0; stopped is null; attempt++)
        {
            Assert.True(attempt < 20, "no gitspaces/didChange with the state stopped reached the client:\n" + server.Stderr);
            DockerCli.Docker("start", container);
            DockerCli.Docker("stop", "-t", "1", container);
            try
            {
                stopped = await server.WaitForAsync(m => IsDidChange(m, name, "stopped"), TimeSpan.FromSeconds(3));
            }
            catch (TimeoutException)
            {
                // Not subscribed yet.
            }
        }

        var external = await server.WaitForAsync(
            m => m["method"]?.GetValue<string>() == Methods.Event && m["params"]!["gitspaceId"]?.GetValue<string>() == name && m["params"]!["event"]!["type"]!.GetValue<string>() == EventTypes.GitspaceChangedExternally,
            TimeSpan.FromSeconds(30));
        Assert.Contains("stopped outside gitspaces", external["params"]!["event"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var get = await server.RequestAsync(Methods.GitspacesGet, new JsonObject { ["id"] = name });
        Assert.Equal("stopped", get["result"]!["gitspace"]!["state"]!.GetValue<string>());
        Assert.Empty(server.StdoutViolations);
    }

    private static bool IsDidChange(JsonObject message, string id, string state) =>
        message["method"]?.GetValue<string>() == Methods.DidChange
        && message["params"]!["gitspace"]!["id"]!.GetValue<string>() == id
        && message["params"]!["gitspace"]!["state"]!.GetValue<string>() == state;
}
