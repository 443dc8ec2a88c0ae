using System.Text.Json.Nodes;

namespace Gitspaces.Conformance.Tests;

/// <summary>What one tool's <c>up</c> left: its outcome and the container it made, as the comparison sees it.</summary>
internal sealed record UpFacts
{
    public required int ExitCode { get; init; }

    public required string Outcome { get; init; }

    public string? RemoteUser { get; init; }

    public string? WorkspaceFolder { get; init; }

    /// <summary>Gets the container's environment, sorted.</summary>
    public IReadOnlyList<string> Env { get; init; } = [];

    /// <summary>Gets the mounts other than the workspace, as <c>type source→target</c>, sorted; each tool's devcontainerId reads <c>{id}</c>.</summary>
    public IReadOnlyList<string> Mounts { get; init; } = [];

    public IReadOnlyList<string> CapAdd { get; init; } = [];

    public IReadOnlyList<string> SecurityOpt { get; init; } = [];

    public bool Init { get; init; }

    public bool Privileged { get; init; }

    /// <summary>Gets the container's <c>devcontainer.metadata</c> label, parsed.</summary>
    public JsonNode? Metadata { get; init; }

    /// <summary>Gets what the lifecycle commands wrote to <c>/tmp/ran*</c>, file by file.</summary>
    public string Ran { get; init; } = string.Empty;

    /// <summary>Gets the tool's output, for failure messages.</summary>
    public string Output { get; init; } = string.Empty;
}
