using Gitspaces.Protocol;

namespace Gitspaces.Core.Providers;

/// <summary>A validated <c>gitspaces/update</c>: what to change; absent fields stay as they are.</summary>
public sealed record GitspaceUpdate
{
    /// <summary>Gets the new display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Gets the new IDE.</summary>
    public string? Ide { get; init; }

    /// <summary>Gets the new machine.</summary>
    public ResourceSpec? Resource { get; init; }

    /// <summary>Gets the SSH key registered with the provider that logs in from now on.</summary>
    public string? SshKeyId { get; init; }

    /// <summary>Gets a value indicating whether nothing is to change.</summary>
    public bool IsEmpty => this.DisplayName is null && this.Ide is null && this.Resource is null && this.SshKeyId is null;
}
