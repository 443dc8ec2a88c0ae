namespace Gitspaces.Providers.Docker;

/// <summary>
/// The labels that make a container, volume or image findable as part of a gitspace. The engine is the source of
/// truth: a restarted sidecar lists gitspaces by these labels alone.
/// </summary>
internal static class DockerLabels
{
    /// <summary>The gitspace id (its name).</summary>
    public const string Id = "dev.gitspaces.id";

    /// <summary>Always <c>docker</c>; the label every list and event filter uses.</summary>
    public const string Provider = "dev.gitspaces.provider";

    /// <summary>The repository URL or path, without credentials.</summary>
    public const string Repository = "dev.gitspaces.repository";

    /// <summary>The branch that was checked out.</summary>
    public const string Branch = "dev.gitspaces.branch";

    /// <summary>The commit that was checked out at creation.</summary>
    public const string Commit = "dev.gitspaces.commit";

    /// <summary>The configuration file, relative to the repository root.</summary>
    public const string ConfigPath = "dev.gitspaces.config";

    /// <summary>The folder inside the repository the gitspace was made from (forward slashes), when it is not the root.</summary>
    public const string Subfolder = "dev.gitspaces.subfolder";

    /// <summary>The IDE the gitspace was made for.</summary>
    public const string Ide = "dev.gitspaces.ide";

    /// <summary>
    /// The state home (<c>GITSPACES_HOME</c>) that created the gitspace: a random id kept in that home, which names
    /// nothing and grants nothing. <c>list</c> shows a home its own gitspaces unless asked for all.
    /// </summary>
    public const string Home = "dev.gitspaces.home";

    /// <summary>When the gitspace was created (ISO 8601, UTC).</summary>
    public const string Created = "dev.gitspaces.created";

    /// <summary>The user lifecycle commands and the editor run as.</summary>
    public const string RemoteUser = "dev.gitspaces.remote-user";

    /// <summary>The folder the editor opens.</summary>
    public const string WorkspaceFolder = "dev.gitspaces.workspace-folder";

    /// <summary>The lifecycle commands replayed on start and attach (JSON), so a restart never needs the clone.</summary>
    public const string Lifecycle = "dev.gitspaces.lifecycle";

    /// <summary>The reference CLI's label: the local folder the container was made from.</summary>
    public const string LocalFolder = "devcontainer.local_folder";

    /// <summary>The reference CLI's label: the configuration file the container was made from.</summary>
    public const string ConfigFile = "devcontainer.config_file";

    /// <summary>The merged image metadata, as the reference CLI writes it.</summary>
    public const string Metadata = "devcontainer.metadata";

    /// <summary>The value of <see cref="Provider"/>.</summary>
    public const string ProviderValue = "docker";

    /// <summary>The filter value that selects everything of ours.</summary>
    public const string ProviderFilter = Provider + "=" + ProviderValue;

    /// <summary>Returns the filter value that selects one gitspace's objects.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <returns>The <c>label=</c> filter value.</returns>
    public static string IdFilter(string id) => Id + "=" + id;

    /// <summary>Returns the name of a gitspace's container.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <returns>The container name.</returns>
    public static string ContainerName(string id) => "gitspace-" + id;

    /// <summary>Returns the name of a gitspace's workspace volume.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <returns>The volume name.</returns>
    public static string VolumeName(string id) => "gitspace-" + id + "-workspace";

    /// <summary>Returns the tag of an image built for a gitspace.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <returns>The image tag.</returns>
    public static string BuiltImageTag(string id) => "gitspace-" + id + ":latest";
}
