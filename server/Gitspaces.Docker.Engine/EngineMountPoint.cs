namespace Gitspaces.Docker.Engine;

/// <summary>One mount of a container in an inspect answer.</summary>
public sealed record EngineMountPoint
{
    /// <summary>Gets the volume name (for volume mounts).</summary>
    public string? Name { get; init; }

    /// <summary>Gets where it is mounted in the container.</summary>
    public string? Destination { get; init; }
}
