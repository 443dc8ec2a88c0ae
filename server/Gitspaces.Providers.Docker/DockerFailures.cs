using System.Net;
using Docker.DotNet;
using Gitspaces.Core.Errors;
using Gitspaces.Docker.Engine;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// Turns what either Docker client throws into errors a person can act on: <see cref="EngineFailures"/> for
/// <see cref="EngineClient"/>, plus Docker.DotNet's exceptions, which only the provider loads (the SSH channel
/// uses <see cref="EngineFailures"/> alone).
/// </summary>
internal static class DockerFailures
{
    /// <summary>Returns whether an exception means the engine could not be reached at all; an API error of either client means it was.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>Whether the engine is unreachable.</returns>
    public static bool IsUnreachable(Exception exception) => EngineFailures.IsUnreachable(exception, IsDockerDotNetApiError);

    /// <summary>Creates the error for an engine that does not answer (see <see cref="EngineFailures.Unreachable"/>).</summary>
    /// <param name="endpoint">The engine address.</param>
    /// <param name="inner">The cause.</param>
    /// <returns>The exception.</returns>
    public static GitspaceException Unreachable(DockerEndpoint endpoint, Exception inner) => EngineFailures.Unreachable(endpoint, inner);

    /// <summary>Returns the innermost exception, whose message is usually the one that explains.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The innermost exception.</returns>
    public static Exception Innermost(Exception exception) => EngineFailures.Innermost(exception);

    /// <summary>Returns whether an exception is the engine's 404.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>Whether the object does not exist.</returns>
    public static bool IsNotFound(Exception exception) =>
        exception is EngineException { StatusCode: HttpStatusCode.NotFound } || IsDockerDotNetNotFound(exception);

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

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static bool IsDockerDotNetApiError(Exception exception) => exception is DockerApiException;
}
