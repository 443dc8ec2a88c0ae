namespace Gitspaces.Protocol;

/// <summary>Result of <c>secrets/list</c>.</summary>
public sealed record ListSecretsResult
{
    /// <summary>Gets the secrets, by name then scope.</summary>
    public required IReadOnlyList<SecretInfo> Secrets { get; init; }
}
