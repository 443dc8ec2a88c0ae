using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Gitspaces.Core.Errors;
using Gitspaces.Providers.Docker.Engine;

namespace Gitspaces.Providers.Docker;

/// <summary>Turns what the Docker client throws into errors a person can act on.</summary>
internal static class DockerFailures
{
    /// <summary>Returns whether an exception means the engine could not be reached at all.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>Whether the engine is unreachable.</returns>
    public static bool IsUnreachable(Exception exception) => exception switch
    {
        HttpRequestException or SocketException or TimeoutException => true,
        IOException io => io.InnerException is SocketException || io.Message.Contains("connect", StringComparison.OrdinalIgnoreCase),
        DockerApiException or EngineException => false,
        _ => exception.InnerException is { } inner && IsUnreachable(inner),
    };

    /// <summary>Returns whether an exception is the engine's 404.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>Whether the object does not exist.</returns>
    public static bool IsNotFound(Exception exception) =>
        exception is EngineException { StatusCode: HttpStatusCode.NotFound } || IsDockerDotNetNotFound(exception);

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

    /// <summary>Returns the engine's own message from an API error, without the HTTP framing.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The message.</returns>
    public static string EngineMessage(Exception exception)
    {
        if (exception is EngineException engine)
        {
            return engine.Message;
        }

        if (exception is DockerApiException api && !string.IsNullOrWhiteSpace(api.ResponseBody))
        {
            var body = api.ResponseBody.Trim();
            const string key = "\"message\":\"";
            var start = body.IndexOf(key, StringComparison.Ordinal);
            if (start >= 0)
            {
                var end = body.LastIndexOf('"');
                if (end > start + key.Length)
                {
                    return body[(start + key.Length)..end].Replace("\\\"", "\"", StringComparison.Ordinal);
                }
            }

            return body;
        }

        return Innermost(exception).Message;
    }

    // Kept apart so that a process that only uses EngineClient never loads Docker.DotNet to answer this question.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static bool IsDockerDotNetNotFound(Exception exception) =>
        exception is DockerApiException { StatusCode: HttpStatusCode.NotFound } or DockerContainerNotFoundException or DockerImageNotFoundException;
}
