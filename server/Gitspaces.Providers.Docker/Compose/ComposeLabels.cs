using System.Text.Json;
using Gitspaces.Compose;

namespace Gitspaces.Providers.Docker.Compose;

/// <summary>The labels and names of compose gitspaces, beside <see cref="DockerLabels"/>.</summary>
internal static class ComposeLabels
{
    /// <summary>On every container of the project: the compose service it runs.</summary>
    public const string Service = "dev.gitspaces.compose.service";

    /// <summary>On the service container: the <see cref="ComposeState"/> (JSON).</summary>
    public const string State = "dev.gitspaces.compose";

    /// <summary>Compose's own label: the project a container, network or volume belongs to.</summary>
    public const string ComposeProject = "com.docker.compose.project";

    /// <summary>Returns the compose project of a gitspace: stable, derived from its id alone, valid for v1 and v2.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <returns>The project name.</returns>
    public static string ProjectName(string id) => ComposeProjectName.From("gitspace-" + id);

    /// <summary>Returns the tag of an image compose builds for a service that names none.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="service">The service.</param>
    /// <returns>The image tag.</returns>
    public static string BuiltImage(string id, string service) => "gitspace-" + id + "-" + ComposeProjectName.From(service) + ":latest";

    /// <summary>Reads the state label of a container, if it is a compose gitspace's service container.</summary>
    /// <param name="labels">The container's labels.</param>
    /// <returns>The state, or <see langword="null"/>.</returns>
    public static ComposeState? StateOf(IDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue(State, out var json) && json.Length > 0
            ? JsonSerializer.Deserialize(json, DockerJsonContext.Default.ComposeState)
            : null;

    /// <summary>Writes the state label's value.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The JSON.</returns>
    public static string Write(ComposeState state) => JsonSerializer.Serialize(state, DockerJsonContext.Default.ComposeState);
}
