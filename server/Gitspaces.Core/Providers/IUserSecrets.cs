namespace Gitspaces.Core.Providers;

/// <summary>
/// A provider whose gitspaces get the user's secrets in scope (capability <c>secrets</c>) as environment variables of
/// lifecycle commands, SSH sessions and editor terminals, read through <see cref="Operations.IOperationContext.SecretsFor"/>
/// at each create, start and rebuild, and never written into the gitspace's configuration.
/// </summary>
public interface IUserSecrets
{
    /// <summary>Gets where the values live while a gitspace runs, for <c>docs/personalization.md</c> and <c>secret list</c>.</summary>
    string SecretsDelivery { get; }
}
