namespace Gitspaces.Providers.Docker.Trust;

/// <summary>The repository a gitspace's configuration comes from, as the trust policy sees it.</summary>
/// <param name="Repository">A URL without credentials, or the local folder the user gave.</param>
/// <param name="IsLocalFolder">Whether it is a folder on this machine the user pointed at.</param>
internal sealed record HostAccessSubject(string Repository, bool IsLocalFolder)
{
    /// <summary>Makes the subject of a repository as shown (a folder that exists here is a local folder).</summary>
    /// <param name="display">The repository without credentials.</param>
    /// <returns>The subject.</returns>
    public static HostAccessSubject Of(string display) => new(display, Directory.Exists(display));
}
