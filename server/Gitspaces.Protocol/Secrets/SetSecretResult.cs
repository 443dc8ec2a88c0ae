namespace Gitspaces.Protocol;

/// <summary>Result of <c>secrets/set</c>.</summary>
public sealed record SetSecretResult
{
    /// <summary>Gets the secret as stored (without its value).</summary>
    public required SecretInfo Secret { get; init; }
}
