using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using Gitspaces.Providers.Harness.Api;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Gitspaces.Providers.Harness;

/// <summary>Turns what the control plane answered (or failed to) into errors a client can act on. Never echoes a token.</summary>
internal static partial class HarnessErrors
{
    public const string Provider = "harness";

    public const string LoginHint = "Log in again with `gitspaces login harness` (the token may have expired, been revoked or lack the gitspace permissions).";

    /// <summary>Maps a non-success response.</summary>
    /// <param name="status">The status code.</param>
    /// <param name="body">The body, as text.</param>
    /// <param name="operation">What was asked, for a person (for example <c>start gitspace 'x'</c>).</param>
    /// <param name="gitspaceId">The gitspace the request was about, if any.</param>
    /// <returns>The exception to throw.</returns>
    public static GitspaceException FromStatus(HttpStatusCode status, string body, string operation, string? gitspaceId)
    {
        var message = ServerMessage(body);
        var said = message is null ? string.Empty : $": {message}";
        var code = (int)status;
        switch (status)
        {
            case HttpStatusCode.Unauthorized:
                return Unauthorized($"The Harness control plane refused the token ({code}{said}).");
            case HttpStatusCode.Forbidden when message is not null && BusyPattern().Match(message) is { Success: true } busy:
                return gitspaceId is null
                    ? new GitspaceException(ErrorCodes.GitspaceBusy, $"Cannot {operation}: {message}")
                    : GitspaceException.Busy(gitspaceId, busy.Groups["state"].Value);
            case HttpStatusCode.Forbidden:
                return Unauthorized($"The Harness control plane does not allow this token to {operation} ({code}{said}).");
            case HttpStatusCode.NotFound when gitspaceId is not null:
                return GitspaceException.NotFound(gitspaceId);
            case HttpStatusCode.NotFound:
                return GitspaceException.ProviderUnavailable(Provider, $"The Harness control plane has nothing at the configured scope to {operation} ({code}{said}).", "Check the endpoint, flavour and account/org/project (or space) given to `gitspaces login harness`.");
            case HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity:
                return new GitspaceException(ErrorCodes.InvalidParams, $"The Harness control plane rejected the request to {operation}{said}.", new ErrorData { Kind = nameof(ErrorCodes.InvalidParams), Provider = Provider, GitspaceId = gitspaceId });
            case HttpStatusCode.Conflict:
                return new GitspaceException(ErrorCodes.InvalidState, $"Cannot {operation} now{said}.", new ErrorData { Kind = nameof(ErrorCodes.InvalidState), Provider = Provider, GitspaceId = gitspaceId });
            case HttpStatusCode.TooManyRequests:
                return GitspaceException.ProviderUnavailable(Provider, $"The Harness control plane kept rate-limiting the request to {operation} ({code}{said}).", "Wait a minute and try again.");
            default:
                return GitspaceException.ProviderUnavailable(Provider, $"The Harness control plane failed to {operation} ({code}{said}).", "Try again later; if it persists, check the Harness status page.");
        }
    }

    /// <summary>Maps a failure to get any answer.</summary>
    /// <param name="exception">What the HTTP stack threw.</param>
    /// <param name="endpoint">The endpoint, for the message.</param>
    /// <param name="operation">What was asked.</param>
    /// <returns>The exception to throw, or <see langword="null"/> when it is not a transport failure.</returns>
    public static GitspaceException? FromTransport(Exception exception, Uri endpoint, string operation)
    {
        var where = endpoint.GetLeftPart(UriPartial.Authority);
        return exception switch
        {
            HttpRequestException { InnerException: SocketException socket } => GitspaceException.ProviderUnavailable(Provider, $"Cannot reach the Harness control plane at {where} to {operation}: {socket.SocketErrorCode}.", "Check the endpoint and your network connection.", exception),
            HttpRequestException http => GitspaceException.ProviderUnavailable(Provider, $"Cannot reach the Harness control plane at {where} to {operation}: {http.Message}", "Check the endpoint and your network connection.", exception),
            TimeoutRejectedException => GitspaceException.ProviderUnavailable(Provider, $"The Harness control plane at {where} did not answer in time to {operation}.", "Try again later.", exception),
            BrokenCircuitException => GitspaceException.ProviderUnavailable(Provider, $"The Harness control plane at {where} failed too often; requests are paused briefly.", "Try again in half a minute.", exception),
            _ => null,
        };
    }

    /// <summary>Maps a body that is not the documented JSON.</summary>
    /// <param name="operation">What was asked.</param>
    /// <param name="exception">The parser's complaint.</param>
    /// <returns>The exception to throw.</returns>
    public static GitspaceException Malformed(string operation, Exception exception) =>
        GitspaceException.ProviderUnavailable(
            Provider,
            $"The Harness control plane answered the request to {operation} with a body that is not the documented JSON ({exception.Message.Split('\n')[0]}).",
            "Check that the endpoint and flavour point at a Harness control plane and not at a proxy or web page.",
            exception);

    public static GitspaceException Unauthorized(string message) =>
        new(ErrorCodes.Unauthorized, message, new ErrorData { Kind = nameof(ErrorCodes.Unauthorized), Provider = Provider, Hint = LoginHint });

    private static string? ServerMessage(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize(body, HarnessJsonContext.Default.HarnessErrorBody);
            return string.IsNullOrWhiteSpace(parsed?.Message) ? null : parsed.Message.Trim();
        }
        catch (JsonException)
        {
            // Not Harness's error body (a proxy's page, say): say so rather than paste it.
            return "the body is not a Harness error";
        }
    }

    [GeneratedRegex(@"\bstill (?<state>[a-z_]+)", RegexOptions.CultureInvariant)]
    private static partial Regex BusyPattern();
}
