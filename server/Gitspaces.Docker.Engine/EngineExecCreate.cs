namespace Gitspaces.Docker.Engine;

/// <summary>The body of <c>POST /containers/{id}/exec</c>.</summary>
public sealed record EngineExecCreate
{
    /// <summary>Gets the program and its arguments.</summary>
    public required IReadOnlyList<string> Cmd { get; init; }

    /// <summary>Gets the user, or <see langword="null"/> for the container's.</summary>
    public string? User { get; init; }

    /// <summary>Gets the working folder, or <see langword="null"/>.</summary>
    public string? WorkingDir { get; init; }

    /// <summary>Gets extra <c>K=V</c> variables.</summary>
    public IReadOnlyList<string>? Env { get; init; }

    /// <summary>Gets a value indicating whether stdin is attached.</summary>
    public bool AttachStdin { get; init; }

    /// <summary>Gets a value indicating whether stdout is attached.</summary>
    public bool AttachStdout { get; init; } = true;

    /// <summary>Gets a value indicating whether stderr is attached.</summary>
    public bool AttachStderr { get; init; } = true;

    /// <summary>Gets a value indicating whether a terminal is allocated (never: output stays multiplexed).</summary>
    public bool Tty { get; init; }
}
