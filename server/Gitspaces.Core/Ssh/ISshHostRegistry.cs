namespace Gitspaces.Core.Ssh;

/// <summary>
/// Keeps one <c>Host gitspace-&lt;name&gt;</c> entry per gitspace in the sidecar's own SSH config file, included from
/// the user's <c>~/.ssh/config</c>, with the host key pinned in the sidecar's known_hosts file.
/// </summary>
public interface ISshHostRegistry
{
    /// <summary>Writes or updates the gitspace's entry.</summary>
    /// <param name="registration">What the entry needs.</param>
    /// <returns>The host alias (for example <c>gitspace-my-repo</c>).</returns>
    string Register(SshHostRegistration registration);

    /// <summary>Removes the gitspace's entry and its known_hosts line.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    void Unregister(string provider, string gitspaceId);
}
