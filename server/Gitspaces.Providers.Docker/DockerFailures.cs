using System.Net.Sockets;
using Gitspaces.Core.Errors;
using Gitspaces.Providers.Docker.Engine;

namespace Gitspaces.Providers.Docker;

/// <summary>Turns what the Docker client throws into errors a person can act on.</summary>
internal static partial class DockerFailures
{
    /// <summary>Returns whether an exception means the engine could not be reached at all.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>Whether the engine is unreachable.</returns>
    public static bool IsUnreachable(Exception exception) => exception switch
    {
        HttpRequestException or SocketException or TimeoutException => true,
        IOException io => io.InnerException is SocketException || io.Message.Contains("connect", StringComparison.OrdinalIgnoreCase),
        EngineException => false,
        _ when IsDockerDotNetApiError(exception) => false,
        _ => exception.InnerException is { } inner && IsUnreachable(inner),
    };

    /// <summary>Creates the error for an engine that does not answer.</summary>
    /// <param name="endpoint">The engine address.</param>
    /// <param name="inner">The cause.</param>
    /// <returns>The exception.</returns>
    public static GitspaceException Unreachable(DockerEndpoint endpoint, Exception inner) =>
        GitspaceException.ProviderUnavailable(
            DockerLabels.ProviderValue,
            $"The Docker engine at {endpoint.Display()} ({endpoint.Source}) does not answer: {Innermost(inner).Message}",
            endpoint.Source == "default"
                ? "Start Docker (Docker Desktop, or `sudo systemctl start docker`), or point DOCKER_HOST or `providers/configure {provider:\"docker\", endpoint}` at a running engine."
                : $"Start the engine at {endpoint.Display()}, or change the Docker host with `providers/configure {{provider:\"docker\", endpoint}}` or DOCKER_HOST.",
            inner);

    /// <summary>Returns the innermost exception, whose message is usually the one that explains.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The innermost exception.</returns>
    public static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }

    /// <summary>Tells whether an exception is Docker.DotNet's API error (an answer from the engine, not a transport failure).</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>Whether it is one; always <see langword="false"/> where Docker.DotNet is not compiled in.</returns>
    private static partial bool IsDockerDotNetApiError(Exception exception);
}
