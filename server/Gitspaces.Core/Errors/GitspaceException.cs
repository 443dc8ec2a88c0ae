using Gitspaces.Protocol;

namespace Gitspaces.Core.Errors;

/// <summary>
/// A failure a client can act on: it carries a protocol error code and its <see cref="ErrorData"/>. Providers and
/// the service throw it; the RPC host turns it into a JSON-RPC error and the CLI into a message and exit code.
/// </summary>
public sealed class GitspaceException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="GitspaceException"/> class.</summary>
    /// <param name="code">The error code (see <see cref="ErrorCodes"/>).</param>
    /// <param name="message">What went wrong, for a person.</param>
    /// <param name="data">Details; <see cref="ErrorData.Kind"/> is filled from <paramref name="code"/> when absent.</param>
    /// <param name="innerException">The cause.</param>
    public GitspaceException(int code, string message, ErrorData? data = null, Exception? innerException = null)
        : base(message, innerException)
    {
        this.Code = code;
        this.Details = data ?? new ErrorData { Kind = ErrorCodes.NameOf(code) };
    }

    /// <summary>Initializes a new instance of the <see cref="GitspaceException"/> class with <see cref="ErrorCodes.OperationFailed"/>.</summary>
    public GitspaceException()
        : this(ErrorCodes.OperationFailed, "The operation failed.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="GitspaceException"/> class with <see cref="ErrorCodes.OperationFailed"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public GitspaceException(string message)
        : this(ErrorCodes.OperationFailed, message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="GitspaceException"/> class with <see cref="ErrorCodes.OperationFailed"/>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public GitspaceException(string message, Exception innerException)
        : this(ErrorCodes.OperationFailed, message, null, innerException)
    {
    }

    /// <summary>Gets the error code.</summary>
    public int Code { get; }

    /// <summary>Gets the error's details.</summary>
    public ErrorData Details { get; }

    /// <summary>Creates the error for an unknown gitspace.</summary>
    /// <param name="id">The id that was asked for.</param>
    /// <returns>The exception.</returns>
    public static GitspaceException NotFound(string id) =>
        new(ErrorCodes.GitspaceNotFound, $"No gitspace is named '{id}'.", new ErrorData
        {
            Kind = nameof(ErrorCodes.GitspaceNotFound),
            GitspaceId = id,
            Hint = "List gitspaces with `gitspaces list` or gitspaces/list.",
        });

    /// <summary>Creates the error for a gitspace another operation holds.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="state">Its state, when known.</param>
    /// <returns>The exception.</returns>
    public static GitspaceException Busy(string id, string? state) =>
        new(ErrorCodes.GitspaceBusy, $"Gitspace '{id}' is busy{(state is null ? string.Empty : $" ({state})")}: another operation is still running on it.", new ErrorData
        {
            Kind = nameof(ErrorCodes.GitspaceBusy),
            GitspaceId = id,
            State = state,
            Hint = "Wait for the other operation to finish, then try again.",
        });

    /// <summary>Creates the error for a provider that cannot be reached.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="message">What happened.</param>
    /// <param name="hint">What to do.</param>
    /// <param name="inner">The cause.</param>
    /// <returns>The exception.</returns>
    public static GitspaceException ProviderUnavailable(string provider, string message, string? hint = null, Exception? inner = null) =>
        new(ErrorCodes.ProviderUnavailable, message, new ErrorData { Kind = nameof(ErrorCodes.ProviderUnavailable), Provider = provider, Hint = hint }, inner);

    /// <summary>Creates the error for a request that names a bad value.</summary>
    /// <param name="field">The JSON path of the field.</param>
    /// <param name="message">What is wrong with it.</param>
    /// <returns>The exception.</returns>
    public static GitspaceException InvalidParams(string field, string message) =>
        new(ErrorCodes.InvalidParams, message, new ErrorData { Kind = nameof(ErrorCodes.InvalidParams), Field = field });

    /// <summary>Creates the error for a failed step.</summary>
    /// <param name="gitspaceId">The gitspace.</param>
    /// <param name="step">The step that failed (for example <c>postCreateCommand</c>).</param>
    /// <param name="message">What happened.</param>
    /// <param name="log">The step's last log lines.</param>
    /// <param name="inner">The cause.</param>
    /// <returns>The exception.</returns>
    public static GitspaceException OperationFailed(string gitspaceId, string step, string message, IReadOnlyList<string>? log = null, Exception? inner = null) =>
        new(ErrorCodes.OperationFailed, message, new ErrorData { Kind = nameof(ErrorCodes.OperationFailed), GitspaceId = gitspaceId, Step = step, Log = log }, inner);
}
