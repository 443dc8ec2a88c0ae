namespace Gitspaces.Providers.Harness.Api;

/// <summary>The body of <c>PATCH …/gitspaces/{id}</c>: <c>UpdateInput</c> (<c>app/api/controller/gitspace/update.go</c>), <c>OpenapiUpdateGitspaceRequest</c> on the hosted API. Absent fields stay.</summary>
public sealed record HarnessUpdateGitspaceRequest
{
    /// <summary>Gets the IDE.</summary>
    public string? Ide { get; init; }

    /// <summary>Gets the display name (the open-source server ignores it).</summary>
    public string? Name { get; init; }

    /// <summary>Gets the machine type.</summary>
    public string? ResourceIdentifier { get; init; }

    /// <summary>Gets the space that owns the machine type.</summary>
    public string? ResourceSpaceRef { get; init; }

    /// <summary>Gets the SSH key reference.</summary>
    public string? SshTokenIdentifier { get; init; }
}
