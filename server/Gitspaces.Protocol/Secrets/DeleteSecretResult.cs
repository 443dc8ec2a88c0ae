namespace Gitspaces.Protocol;

/// <summary>Result of <c>secrets/delete</c>.</summary>
public sealed record DeleteSecretResult
{
    /// <summary>Gets a value indicating whether the secret existed and is now gone.</summary>
    public required bool Deleted { get; init; }
}
