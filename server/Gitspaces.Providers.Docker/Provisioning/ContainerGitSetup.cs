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

    /// <summary>Installs the helper and configures the remote user's git.</summary>
    /// <param name="containerId">The running container.</param>
    /// <param name="remoteUser">The user whose global git configuration gets the helper.</param>
    /// <param name="onLine">Receives the configuration's output lines (stream, line): nothing secret is in them.</param>
    /// <param name="cancellationToken">Stops the setup.</param>
    /// <returns>Whether it worked.</returns>
    public async Task<bool> ApplyAsync(string containerId, string remoteUser, Action<string, string> onLine, CancellationToken cancellationToken)
    {
        try
        {
            using (var tar = TarArchives.FromFiles(HelperFiles()))
            {
                await this.engines.Engine.PutArchiveAsync(containerId, "/", tar, cancellationToken);
            }

            var identity = await this.options.GitIdentity(cancellationToken);
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

            return exitCode == 0;
        }
        catch (EngineException ex)
        {
            onLine("stderr", $"Configuring git in the gitspace failed: {ex.Message}");
            return false;
        }
    }
}
