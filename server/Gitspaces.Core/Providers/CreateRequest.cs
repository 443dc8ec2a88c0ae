using Gitspaces.Protocol;

namespace Gitspaces.Core.Providers;

/// <summary>A validated request to create a gitspace.</summary>
public sealed record CreateRequest
{
    /// <summary>Gets the gitspace's name (lower-case letters, digits, dashes): its id, or the stem of the id a control plane builds.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the display name the user gave, when it is not a valid name itself (providers with <see cref="IDisplayNames"/> only).</summary>
    public string? DisplayName { get; init; }

    /// <summary>Gets the SSH key registered with the provider that logs in (providers with <see cref="IRegisteredSshKeys"/> only).</summary>
    public string? SshKeyId { get; init; }

    /// <summary>Gets the repository.</summary>
    public required RepositorySource Repository { get; init; }

    /// <summary>Gets the configuration file, relative to the repository root; discovered when absent.</summary>
    public string? DevcontainerPath { get; init; }

    /// <summary>Gets the IDE.</summary>
    public required string Ide { get; init; }

    /// <summary>Gets the machine, for hosted providers.</summary>
    public ResourceSpec? Resource { get; init; }

    /// <summary>Gets the dotfiles to install (providers with <see cref="IDotfiles"/>), or none.</summary>
    public DotfilesSource? Dotfiles { get; init; }

    /// <summary>Gets the idle timeout in seconds, 0 for never (providers with <see cref="IAutoStop"/>); the service always sets it for them.</summary>
    public int? AutoStopSeconds { get; init; }
}
