using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Cli;

/// <summary>
/// `gitspaces list` against an address where no usable Docker engine answers: a message naming the endpoint and exit
/// code 1, never a hang or a crash with a stack trace (issue #13).
/// </summary>
public sealed class EngineFailureCliTests
{
    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: text/html\r\nContent-Length: 15\r\n\r\n<html>hi</html>", "is not a Docker engine")]
    [InlineData("HTTP/1.1 404 Not Found\r\nServer: nginx\r\nContent-Type: text/html\r\nContent-Length: 9\r\n\r\nnot found", "is not a Docker engine")]
    [InlineData(null, "did not answer")]
    public async Task ListFailsWithTheEndpointNamed(string? answer, string expected)
    {
        await using var standIn = EngineStandIn.Start(answer);
        var home = TempDirectory.Create("cli-engine");
        var environment = new Dictionary<string, string>
        {
            ["GITSPACES_HOME"] = home,
            ["HOME"] = home,
            ["DOCKER_HOST"] = standIn.Address,
            ["GITSPACES_DOCKER_TIMEOUT"] = "2",
        };

        var result = await Run.ProgramAsync(DotnetHost.Path, [SidecarProcess.ServerAssembly, "list", "--provider", "docker"], environment: environment, timeout: TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(expected, result.StandardError, StringComparison.Ordinal);
        Assert.Contains(standIn.Address, result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }
}
