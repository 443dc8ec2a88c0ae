namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>secrets/set</c>.</summary>
public sealed record SetSecretParams
{
    /// <summary>Gets the name (see <see cref="SecretInfo.Name"/>).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the value: one line (an SSH session's environment cannot carry a line break), at most 64 KiB.</summary>
    public required string Value { get; init; }

    /// <summary>Gets the scope (see <see cref="SecretInfo.Scope"/>); every gitspace when absent. A name may be set once per scope.</summary>
    public string? Scope { get; init; }
}
