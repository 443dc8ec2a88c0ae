namespace Gitspaces.Providers.Docker;

/// <summary>The linked <see cref="DockerFailures"/> without Docker.DotNet: no exception here can be one of its API errors.</summary>
internal static partial class DockerFailures
{
    private static partial bool IsDockerDotNetApiError(Exception exception) => false;
}
