using System.Net.Sockets;
using Gitspaces.Core.Errors;
using Gitspaces.Docker.Engine;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// Turns what <see cref="EngineClient"/> throws into errors a person can act on. The provider's
/// <c>DockerFailures</c> adds what Docker.DotNet throws, which this assembly does not load.
/// </summary>
internal static class EngineFailures
{
    /// <summary>Returns whether an exception means the engine could not be reached at all.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="isEngineAnswer">
    /// Recognizes other clients' errors that carry the engine's answer (so the engine was reached), beyond
    /// <see cref="EngineException"/>; none when <see langword="null"/>.
    /// </param>
    /// <returns>Whether the engine is unreachable.</returns>
    public static bool IsUnreachable(Exception exception, Func<Exception, bool>? isEngineAnswer = null) => exception switch
    {
        HttpRequestException or SocketException or TimeoutException or EngineNotDockerException => true,
        IOException io => io.InnerException is SocketException || io.Message.Contains("connect", StringComparison.OrdinalIgnoreCase),
        EngineException => false,
        _ when isEngineAnswer?.Invoke(exception) == true => false,
        _ => exception.InnerException is { } inner && IsUnreachable(inner, isEngineAnswer),
    };

    /// <summary>Creates the error for an engine that does not answer.</summary>
    /// <param name="endpoint">The engine address.</param>
    /// <param name="inner">The cause.</param>
    /// <returns>The exception.</returns>
    public static GitspaceException Unreachable(DockerEndpoint endpoint, Exception inner) => Innermost(inner) is EngineNotDockerException notDocker
        ? GitspaceException.ProviderUnavailable(
            DockerLabels.ProviderValue,
            $"The Docker engine at {endpoint.Display()} ({endpoint.Source}) cannot be used: {notDocker.Message}",
            $"Point DOCKER_HOST or `providers/configure {{provider:\"docker\", endpoint}}` at a Docker engine (its socket, usually unix:///var/run/docker.sock).",
            inner)
        : GitspaceException.ProviderUnavailable(
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
}
