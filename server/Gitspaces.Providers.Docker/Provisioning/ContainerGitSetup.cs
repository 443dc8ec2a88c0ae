using System.Text;
using Gitspaces.Docker.Engine;
using Gitspaces.Git.Credentials;

namespace Gitspaces.Providers.Docker.Provisioning;

/// <summary>
/// Gets a gitspace's git ready for the user: the credential helper that asks the sidecar (docs/credentials.md) as the
/// remote user's global helper, and the user's <c>user.name</c>/<c>user.email</c> from this machine when the gitspace has
/// none. One small upload and one exec as the remote user; a failure is logged and never fails the operation (the
/// gitspace works without it, only git asks for a login).
/// </summary>
internal sealed class ContainerGitSetup
{
    private readonly DockerEngines engines;
    private readonly DockerProviderOptions options;

    public ContainerGitSetup(DockerEngines engines, DockerProviderOptions options)
    {
        this.engines = engines;
        this.options = options;
    }

    /// <summary>Returns the helpers (git's and the docker CLI's) as files to upload (readable and runnable by every user, owned by root).</summary>
    /// <returns>The files.</returns>
    public static IReadOnlyList<ArchiveFile> HelperFiles() =>
    [
        new(ContainerCredentialHelper.HelperPath.TrimStart('/'), Encoding.UTF8.GetBytes(ContainerCredentialHelper.HelperScript), (UnixFileMode)0b111_101_101),
        new(ContainerCredentialHelper.DockerHelperPath.TrimStart('/'), Encoding.UTF8.GetBytes(ContainerCredentialHelper.DockerHelperScript), (UnixFileMode)0b111_101_101),
    ];

    /// <summary>
    /// Installs the helper and configures the remote user's git, unless that was done already from the same things: a
    /// start or connect of the same container with the same user, identity and helpers skips the upload and the exec
    /// (~150 ms of every start). A user who removes the helper by hand gets it back with the next container.
    /// </summary>
    /// <param name="containerId">The running container.</param>
    /// <param name="remoteUser">The user whose global git configuration gets the helper.</param>
    /// <param name="done">What the last setup was made from (<see cref="GitspaceRecord.GitSetup"/>), if any.</param>
    /// <param name="onLine">Receives the configuration's output lines (stream, line): nothing secret is in them.</param>
    /// <param name="cancellationToken">Stops the setup.</param>
    /// <returns>What this setup was made from, to keep for the next; <see langword="null"/> when it failed.</returns>
    /// <param name="helpersPresent">Whether the container's create-time upload already carried the helpers.</param>
    public async Task<string?> ApplyAsync(string containerId, string remoteUser, string? done, bool helpersPresent, Action<string, string> onLine, CancellationToken cancellationToken)
    {
        try
        {
            var identity = await this.options.GitIdentity(cancellationToken);
            var made = Fingerprint(containerId, remoteUser, identity.Name, identity.Email);
            if (made == done)
            {
                return made;
            }

            if (!helpersPresent)
            {
                using var tar = TarArchives.FromFiles(HelperFiles());
                await this.engines.Engine.PutArchiveAsync(containerId, "/", tar, cancellationToken);
            }

            var exitCode = await ContainerExec.RunAsync(
                this.engines.Engine,
                containerId,
                ["/bin/sh", "-c", ContainerCredentialHelper.ConfigureScript, "sh", identity.Name ?? string.Empty, identity.Email ?? string.Empty],
                remoteUser,
                null,
                null,
                onLine,
                cancellationToken);
            if (exitCode != 0)
            {
                onLine("stderr", $"Configuring git in the gitspace failed (exit code {exitCode}); git there will not ask your machine for logins.");
            }

            return exitCode == 0 ? made : null;
        }
        catch (EngineException ex)
        {
            onLine("stderr", $"Configuring git in the gitspace failed: {ex.Message}");
            return null;
        }
    }

    private static string Fingerprint(string containerId, string remoteUser, string? name, string? email)
    {
        var text = string.Join('\n', containerId, remoteUser, name, email, ContainerCredentialHelper.HelperScript, ContainerCredentialHelper.DockerHelperScript, ContainerCredentialHelper.ConfigureScript);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
