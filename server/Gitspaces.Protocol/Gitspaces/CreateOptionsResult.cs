namespace Gitspaces.Protocol;

/// <summary>
/// Result of <c>gitspaces/create-options</c>: what a create (or update) wizard may offer for one provider, as the
/// account allows it. Lists are in the order to show them; the first entry is the provider's default.
/// </summary>
public sealed record CreateOptionsResult
{
    /// <summary>Gets the IDEs the account allows (see <see cref="Ides"/>).</summary>
    public required IReadOnlyList<string> Ides { get; init; }

    /// <summary>Gets the machines gitspaces may run on, each with its infrastructure and region; empty when the provider has no choice of machine.</summary>
    public required IReadOnlyList<MachineOption> Machines { get; init; }

    /// <summary>Gets the repository types the account allows (<c>repository.type</c>); absent when the provider does not tell repositories apart.</summary>
    public IReadOnlyList<string>? RepositoryTypes { get; init; }

    /// <summary>Gets a value indicating whether gitspaces are reached over SSH (an admin can turn SSH off, leaving web IDEs).</summary>
    public required bool Ssh { get; init; }

    /// <summary>Gets a value indicating whether create and update take <c>sshKeyId</c>, a key the user registered with the provider.</summary>
    public required bool SshKeys { get; init; }
}
