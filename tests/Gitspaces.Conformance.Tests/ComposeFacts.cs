namespace Gitspaces.Conformance.Tests;

/// <summary>What one tool's compose <c>up</c> left, as the comparison sees it.</summary>
internal sealed record ComposeFacts
{
    public string? RemoteUser { get; init; }

    public string? WorkspaceFolder { get; init; }

    /// <summary>Gets the service container's environment, sorted.</summary>
    public IReadOnlyList<string> Env { get; init; } = [];

    /// <summary>Gets the compose services running in the project, sorted.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    public string Ran { get; init; } = string.Empty;

    public string? Metadata { get; init; }

    public string Files { get; init; } = string.Empty;

    public required string Output { get; init; }
}
