using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.DevContainers.Users;
using Gitspaces.Docker.Engine;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// <c>updateRemoteUserUID</c> on the engine: when <see cref="RemoteUserUid.IsNeeded"/> says so, builds the image
/// whose remote user has the host user's UID and GID (tagged by a hash of the base image and the ids, so it is
/// reused), otherwise says in the log why not and returns the image unchanged.
/// </summary>
internal sealed class UidImageBuilder
{
    private readonly Func<IDockerClient> client;
    private readonly EngineClient engine;

    /// <summary>Initializes a new instance of the <see cref="UidImageBuilder"/> class.</summary>
    /// <param name="client">Makes the Docker.DotNet client, for builds only (loading it costs a short-lived process start-up time).</param>
    /// <param name="engine">The engine client for inspects.</param>
    public UidImageBuilder(Func<IDockerClient> client, EngineClient engine)
    {
        this.client = client;
        this.engine = engine;
    }

    /// <summary>Applies the setting.</summary>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="metadata">The merged metadata (updateRemoteUserUID, remoteUser, mounts).</param>
    /// <param name="image">The image the container would run.</param>
    /// <param name="localEngine">Whether the engine runs on this machine (a unix socket), so host file owners mean the same to it.</param>
    /// <param name="platform">The platform the container runs on (runArgs' <c>--platform</c>), which the build targets too, or none.</param>
    /// <param name="context">Receives events and log lines.</param>
    /// <returns>The image to run.</returns>
    public async Task<PreparedImage> ApplyAsync(string gitspaceId, MergedMetadata metadata, PreparedImage image, bool localEngine, string? platform, IOperationContext context)
    {
        var imageUser = string.IsNullOrEmpty(image.Details.User) ? "root" : image.Details.User;
        var remoteUser = metadata.RemoteUser ?? metadata.ContainerUser ?? imageUser;
        var host = HostUser.Read();
        if (!RemoteUserUid.IsNeeded(metadata.UpdateRemoteUserUid, remoteUser, metadata.Mounts, host is not null && localEngine, out var reason))
        {
            if (metadata.UpdateRemoteUserUid is not false && remoteUser != "root")
            {
                context.WriteLog(gitspaceId, "system", $"updateRemoteUserUID: {remoteUser} keeps the image's UID/GID ({reason}).");
            }

            return image;
        }

        var (uid, gid) = host!.Value;
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RemoteUserUid.BaseImageArgument] = image.Details.Id,
            ["REMOTE_USER"] = remoteUser,
            ["NEW_UID"] = uid.ToString(CultureInfo.InvariantCulture),
            ["NEW_GID"] = gid.ToString(CultureInfo.InvariantCulture),
            ["IMAGE_USER"] = imageUser,
        };
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(RemoteUserUid.Dockerfile + "\0" + string.Join("\0", arguments.Select(a => a.Key + "=" + a.Value)))));
        var tag = DerivedImages.Tag(DerivedImages.Uid, hash);
        if (await this.engine.InspectImageAsync(tag, context.CancellationToken) is { } existing)
        {
            return new PreparedImage(tag, existing);
        }

        context.RecordEvent(gitspaceId, EventTypes.ImageBuildStart, $"Giving {remoteUser} the host's UID:GID {uid}:{gid} (updateRemoteUserUID)...");
        var parameters = new ImageBuildParameters
        {
            Dockerfile = "Dockerfile",
            Tags = [tag],
            BuildArgs = arguments,
            Labels = DerivedImages.Labels(DerivedImages.Uid, hash),
            Platform = platform,
            Remove = true,
            ForceRemove = true,
        };
        string? error;
        IReadOnlyList<string> log;
        using (var tar = TarArchives.FromFiles([new ArchiveFile("Dockerfile", Encoding.UTF8.GetBytes(RemoteUserUid.Dockerfile), (UnixFileMode)0b110_100_100)]))
        {
            (error, log) = await EngineBuild.RunAsync(this.client(), parameters, tar, line => context.WriteLog(gitspaceId, "stdout", line), context.CancellationToken);
        }

        if (error is null && await this.engine.InspectImageAsync(tag, context.CancellationToken) is { } built)
        {
            context.RecordEvent(gitspaceId, EventTypes.ImageBuildCompleted, $"Built {tag}");
            return new PreparedImage(tag, built);
        }

        error ??= "the build finished without producing the image";

        var message = $"Updating the UID of {remoteUser} (updateRemoteUserUID) failed: {error}";
        context.RecordEvent(gitspaceId, EventTypes.ImageBuildFailed, message);
        throw GitspaceException.OperationFailed(gitspaceId, "image_build", message, log);
    }
}
