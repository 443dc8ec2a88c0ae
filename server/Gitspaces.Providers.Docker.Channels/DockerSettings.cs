using System.Text.Json;
using Gitspaces.Core.State;

namespace Gitspaces.Providers.Docker;

/// <summary>The Docker provider's saved settings (<c>providers/configure</c>), in <c>docker.json</c> of the config folder.</summary>
internal sealed record DockerSettings
{
    /// <summary>Gets the engine address the user chose; <see langword="null"/> means DOCKER_HOST or the local engine.</summary>
    public string? Endpoint { get; init; }

    /// <summary>
    /// Gets whether <c>initializeCommand</c> runs on this machine for repositories cloned from a URL (someone else's
    /// code outside the container); it always runs for local folders. <c>GITSPACES_ALLOW_INITIALIZE_COMMAND=1</c> does the same.
    /// </summary>
    public bool? AllowInitializeCommand { get; init; }

    /// <summary>
    /// Gets whether the gitspaces' SSH entries forward the user's SSH agent (so <c>git@</c> remotes work inside); on
    /// when unset, since the engine is the user's own. <c>GITSPACES_FORWARD_SSH_AGENT=0|1</c> overrides it.
    /// </summary>
    public bool? ForwardSshAgent { get; init; }

    /// <summary>
    /// Gets the gitspaces (by id) that may use the user's Docker registry logins inside them, for the docker CLI there;
    /// none unless the user lists them.
    /// </summary>
    public IReadOnlyList<string>? RegistryCredentials { get; init; }

    /// <summary>Reads the settings; missing or unreadable files mean the defaults.</summary>
    /// <param name="paths">The state paths.</param>
    /// <returns>The settings.</returns>
    public static DockerSettings Load(StatePaths paths)
    {
        var file = FilePath(paths);
        try
        {
            return File.Exists(file)
                ? JsonSerializer.Deserialize(File.ReadAllBytes(file), DockerSettingsJsonContext.Default.DockerSettings) ?? new DockerSettings()
                : new DockerSettings();
        }
        catch (JsonException)
        {
            return new DockerSettings();
        }
    }

    /// <summary>Saves the settings (0600).</summary>
    /// <param name="paths">The state paths.</param>
    public void Save(StatePaths paths) =>
        StatePaths.WritePrivateFile(FilePath(paths), JsonSerializer.SerializeToUtf8Bytes(this, DockerSettingsJsonContext.Default.DockerSettings));

    private static string FilePath(StatePaths paths) => Path.Combine(paths.ConfigDirectory, "docker.json");
}
