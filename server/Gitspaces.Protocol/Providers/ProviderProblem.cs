namespace Gitspaces.Protocol;

/// <summary>A provider that failed to answer a request that spans providers.</summary>
public sealed record ProviderProblem
{
    /// <summary>Gets the provider id.</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the error code (see <see cref="ErrorCodes"/>).</summary>
    public required int Code { get; init; }

    /// <summary>Gets what went wrong.</summary>
    public required string Message { get; init; }
}
