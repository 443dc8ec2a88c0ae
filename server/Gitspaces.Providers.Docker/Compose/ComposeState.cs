namespace Gitspaces.Providers.Docker.Compose;

/// <summary>
/// What a compose gitspace's service container carries (as the <see cref="ComposeLabels.State"/> label) so that start,
/// stop, rebuild and delete drive the same project without reading devcontainer.json again.
/// </summary>
internal sealed record ComposeState
{
    /// <summary>Gets the compose project name.</summary>
    public required string Project { get; init; }

    /// <summary>Gets the service the editor connects to.</summary>
    public required string Service { get; init; }

    /// <summary>Gets the repository's compose files, absolute, in order.</summary>
    public required List<string> Files { get; init; }

    /// <summary>Gets our override file, absolute.</summary>
    public required string Override { get; init; }

    /// <summary>Gets the folder compose runs in (the first compose file's).</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Gets the services to start (with <see cref="Service"/>), or empty for all.</summary>
    public List<string> RunServices { get; init; } = [];

    /// <summary>Gets <c>stopCompose</c> or <c>none</c>.</summary>
    public string ShutdownAction { get; init; } = "stopCompose";

    /// <summary>Gets where the repository appears in the service container, when it mounts it.</summary>
    public string? RepositoryFolder { get; init; }

    /// <summary>Returns the arguments that name the project and its files, before a compose command.</summary>
    /// <returns>The arguments.</returns>
    public List<string> ProjectArguments()
    {
        var arguments = new List<string> { "--project-name", this.Project };
        foreach (var file in this.Files)
        {
            arguments.Add("-f");
            arguments.Add(file);
        }

        arguments.Add("-f");
        arguments.Add(this.Override);
        return arguments;
    }

    /// <summary>Returns the services to name after <c>up</c>: the run services plus the service, or none for all.</summary>
    /// <returns>The service names.</returns>
    public List<string> ServicesToUp() =>
        this.RunServices.Count == 0 ? [] : [.. this.RunServices, .. this.RunServices.Contains(this.Service) ? Array.Empty<string>() : [this.Service]];
}
