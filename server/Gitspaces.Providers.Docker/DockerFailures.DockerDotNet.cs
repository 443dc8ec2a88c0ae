using System.Net;
using Docker.DotNet;
using Gitspaces.Providers.Docker.Engine;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// The parts of <see cref="DockerFailures"/> that know Docker.DotNet's exceptions, in a file of its own so that the
/// NativeAOT <c>gitspaces-ssh-proxy</c> can compile the rest without Docker.DotNet (which is not AOT-safe).
/// </summary>
internal static partial class DockerFailures
{
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
    private static partial bool IsDockerDotNetApiError(Exception exception) => exception is DockerApiException;
}
