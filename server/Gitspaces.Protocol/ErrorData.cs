namespace Gitspaces.Protocol;

/// <summary>The <c>data</c> member of every error the server sends: what went wrong, in fields a client can branch on.</summary>
public sealed record ErrorData
{
    /// <summary>Gets the symbolic name of the error code (for example <c>GitspaceBusy</c>).</summary>
    public required string Kind { get; init; }

    /// <summary>Gets the gitspace the error concerns, if any.</summary>
    public string? GitspaceId { get; init; }

    /// <summary>Gets the provider the error concerns, if any.</summary>
    public string? Provider { get; init; }

    /// <summary>Gets the JSON path of the offending parameter for <see cref="ErrorCodes.InvalidParams"/> (for example <c>$.repository.url</c>).</summary>
    public string? Field { get; init; }

    /// <summary>Gets the gitspace's state when it explains the error (busy, invalid state).</summary>
    public string? State { get; init; }

    /// <summary>Gets the step that failed, for <see cref="ErrorCodes.OperationFailed"/> (for example <c>postCreateCommand</c>).</summary>
    public string? Step { get; init; }

    /// <summary>Gets what the user can do about it, in a sentence.</summary>
    public string? Hint { get; init; }

    /// <summary>Gets the last log lines of the failing step, when there are any.</summary>
    public IReadOnlyList<string>? Log { get; init; }

    /// <summary>Gets the configuration problems for <see cref="ErrorCodes.DevcontainerInvalid"/>.</summary>
    public IReadOnlyList<Diagnostic>? Diagnostics { get; init; }

    /// <summary>Gets the repository, for <see cref="ErrorCodes.RepositoryUntrusted"/>: a URL without credentials.</summary>
    public string? Repository { get; init; }

    /// <summary>Gets what the configuration asks for that reaches this machine, for <see cref="ErrorCodes.RepositoryUntrusted"/>.</summary>
    public IReadOnlyList<HostAccessEntry>? HostAccess { get; init; }
}
