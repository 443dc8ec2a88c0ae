using Gitspaces.TestSupport;

namespace Gitspaces.Conformance.Tests;

/// <summary>
/// Builds the local stand-ins of published images once per run (FROM the local base image: no registry here), with
/// the real images' users, environment and <c>devcontainer.metadata</c> labels. Cached layers make a rebuild cheap.
/// </summary>
public sealed class StandInImages : IDisposable
{
    private readonly DockerTestRun run = new();

    public StandInImages()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "StandIns");
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["universal"] = "gitspaces-standin/universal:2",
            ["javascript-node"] = "gitspaces-standin/javascript-node:1-22-bookworm",
            ["python"] = "gitspaces-standin/python:1-3.12-bookworm",
        };
        Parallel.ForEach(tags, pair =>
        {
            var (exitCode, output) = DockerCli.Run("docker", "build", "-q", "-t", pair.Value, "--build-arg", "BASE=" + DockerTestRun.BaseImage, Path.Combine(folder, pair.Key));
            Assert.True(exitCode == 0, $"building the stand-in {pair.Value} failed: {output}");
        });
    }

    /// <summary>Gets the prefix of what this run names.</summary>
    public string RunId => this.run.RunId;

    public void Dispose() => this.run.Dispose();
}
