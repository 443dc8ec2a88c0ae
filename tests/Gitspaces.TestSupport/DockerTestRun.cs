using Xunit;

namespace Gitspaces.TestSupport;

/// <summary>
/// A test run against the local Docker engine: it makes sure the engine runs and holds the base image, names what
/// the run creates after a run id, and at the end removes whatever gitspace containers, volumes and images of the
/// run a failed test left behind.
/// </summary>
public sealed class DockerTestRun : IDisposable
{
    /// <summary>The local image every test container starts from (<c>scripts/ensure-base-image.sh</c> builds it).</summary>
    public const string BaseImage = "gitspaces-base:bookworm";

    public DockerTestRun()
    {
        if (DockerCli.Run("docker", "version", "--format", "{{.Server.Version}}").ExitCode != 0 || !DockerCli.Exists("image", BaseImage))
        {
            var setup = DockerCli.Run("bash", RepositoryRoot.Combine("scripts", "ensure-docker.sh"));
            Assert.True(setup.ExitCode == 0, "no Docker engine: " + setup.Output);
            var image = DockerCli.Run("bash", RepositoryRoot.Combine("scripts", "ensure-base-image.sh"));
            Assert.True(image.ExitCode == 0, "no base image: " + image.Output);
        }

        this.RunId = "t" + Guid.NewGuid().ToString("N")[..6];
    }

    /// <summary>Gets the prefix of every gitspace name this run creates.</summary>
    public string RunId { get; }

    public string Name(string suffix) => $"{this.RunId}-{suffix}";

    public void Dispose()
    {
        foreach (var container in DockerCli.Run("docker", "ps", "-a", "--format", "{{.Names}}", "--filter", "label=dev.gitspaces.provider=docker").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (container.StartsWith("gitspace-" + this.RunId, StringComparison.Ordinal))
            {
                DockerCli.Run("docker", "rm", "-f", container);
            }
        }

        foreach (var volume in DockerCli.Run("docker", "volume", "ls", "-q", "--filter", "label=dev.gitspaces.provider=docker").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (volume.StartsWith("gitspace-" + this.RunId, StringComparison.Ordinal))
            {
                DockerCli.Run("docker", "volume", "rm", "-f", volume);
            }
        }

        // Compose gitspaces (projects named gitspace-<id>): their networks, and volumes compose made for them.
        foreach (var kind in new[] { "network", "volume" })
        {
            foreach (var name in DockerCli.Run("docker", kind, "ls", "-q", "--filter", "label=com.docker.compose.project").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var project = DockerCli.Run("docker", kind, "inspect", "-f", "{{index .Labels \"com.docker.compose.project\"}}", name).Output.Trim();
                if (project.StartsWith("gitspace-" + this.RunId, StringComparison.Ordinal))
                {
                    DockerCli.Run("docker", kind, "rm", name);
                }
            }
        }

        foreach (var image in DockerCli.Run("docker", "images", "--format", "{{.Repository}}:{{.Tag}}", "--filter", "label=dev.gitspaces.provider=docker").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (image.StartsWith("gitspace-" + this.RunId, StringComparison.Ordinal))
            {
                DockerCli.Run("docker", "rmi", "-f", image);
            }
        }
    }
}
