namespace Gitspaces.Core.Providers;

/// <summary>
/// A provider that logs users in with an SSH key they registered with it (Harness's <c>ssh_token_identifier</c>), so
/// create and update take <c>sshKeyId</c>. Without it the service refuses an <c>sshKeyId</c> rather than drop it.
/// </summary>
public interface IRegisteredSshKeys
{
    /// <summary>Returns why a gitspace for an IDE cannot use a registered key, or <see langword="null"/> when it can.</summary>
    /// <param name="ide">The IDE (a web IDE has no SSH login).</param>
    /// <returns>The reason, for an error message, or <see langword="null"/>.</returns>
    string? WhyNoSshKey(string ide);
}
