namespace Gitspaces.Core.Ssh;

/// <summary>Creates, keeps and removes the SSH keys of each gitspace in the state directory.</summary>
public interface ISshIdentityStore
{
    /// <summary>Returns the gitspace's keys, generating them the first time.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <returns>The keys.</returns>
    SshIdentity GetOrCreate(string provider, string gitspaceId);

    /// <summary>Deletes the gitspace's keys.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    void Remove(string provider, string gitspaceId);
}
