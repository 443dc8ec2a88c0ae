namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>devcontainer/read</c>.</summary>
public sealed record DevcontainerReadParams
{
    /// <summary>Gets the repository to read: <c>{path}</c> for a local folder or <c>{url, branch|ref}</c> to clone first.</summary>
    public required RepositorySource Repository { get; init; }

    /// <summary>Gets the configuration file, relative to the repository root; discovered when absent.</summary>
    public string? ConfigPath { get; init; }
}
