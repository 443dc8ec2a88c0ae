namespace Gitspaces.Docker.Engine;

/// <summary>A container's state in an inspect answer.</summary>
public sealed record EngineContainerState
{
    /// <summary>Gets the status (<c>created</c>, <c>running</c>, <c>exited</c>, …).</summary>
    public string? Status { get; init; }

    /// <summary>Gets a value indicating whether it runs.</summary>
    public bool Running { get; init; }
}
