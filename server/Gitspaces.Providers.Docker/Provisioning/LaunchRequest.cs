namespace Gitspaces.Providers.Docker.Provisioning;

/// <summary>What an <see cref="IContainerLauncher"/> launches.</summary>
/// <param name="GitspaceId">The gitspace.</param>
/// <param name="Labels">The labels of the container (the gitspace's identity, repository, configuration path and local folder).</param>
/// <param name="Plan">The read devcontainer.json.</param>
/// <param name="UploadFolder">The repository to copy into the workspace volume, or <see langword="null"/> when the volume has it already (rebuild).</param>
/// <param name="Subject">The repository the configuration comes from, for what images and Features ask of this machine.</param>
/// <param name="Secrets">The user's secrets in scope, for SSH sessions (never in the container's configuration).</param>
/// <param name="AutoStopSeconds">The idle timeout (0: never).</param>
internal sealed record LaunchRequest(string GitspaceId, Dictionary<string, string> Labels, DevcontainerPlan Plan, string? UploadFolder, Trust.HostAccessSubject Subject, IReadOnlyDictionary<string, string> Secrets, int AutoStopSeconds);
