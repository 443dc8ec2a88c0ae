namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>secrets/list</c>.</summary>
public sealed record ListSecretsParams
{
    /// <summary>Gets a repository URL: only the secrets whose scope covers it are listed, when given.</summary>
    public string? Repository { get; init; }
}
