namespace Gitspaces.Protocol;

/// <summary>
/// Parameters of <c>gitspaces/update</c>: what to change; absent fields stay as they are. Providers that advertise the
/// <c>update</c> capability take it; what each field means for a provider is in <c>docs/protocol.md</c>.
/// </summary>
public sealed record UpdateGitspaceParams
{
    /// <summary>Gets the gitspace id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the new display name (any text, for providers with the <c>displayNames</c> capability); the id stays.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the new IDE (see <see cref="Ides"/>).</summary>
    public string? Ide { get; init; }

    /// <summary>Gets the new machine, for hosted providers.</summary>
    public ResourceSpec? Resource { get; init; }

    /// <summary>Gets the SSH key registered with the provider that logs in from now on (providers with the <c>sshKeys</c> capability).</summary>
    public string? SshKeyId { get; init; }

    /// <summary>Gets the new idle timeout in seconds, <c>0</c> for never (providers with the <c>autoStop</c> capability); a running gitspace applies it at once.</summary>
    public int? AutoStopSeconds { get; init; }

    /// <summary>Gets the token for <c>$/progress</c> notifications about this request (LSP work-done progress).</summary>
    public System.Text.Json.JsonElement? WorkDoneToken { get; init; }
}
