namespace Gitspaces.Docker.Engine;

/// <summary>What the provider reads of <c>GET /exec/{id}/json</c>.</summary>
public sealed record EngineExecDetails
{
    /// <summary>Gets a value indicating whether the process still runs.</summary>
    public bool Running { get; init; }

    /// <summary>Gets the exit code once it has ended.</summary>
    public long? ExitCode { get; init; }
}
