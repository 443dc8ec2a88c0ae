namespace Gitspaces.Compose;

/// <summary>A merged compose configuration, as <c>compose config</c> prints it: the parts devcontainer.json needs.</summary>
public sealed record ComposeProject
{
    /// <summary>Gets the top-level <c>name:</c>, when the configuration sets one.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the services by name, in file order.</summary>
    public required IReadOnlyList<ComposeService> Services { get; init; }

    /// <summary>Gets the top-level <c>volumes:</c> whose <c>driver_opts</c> name a <c>device</c> (a local-driver volume that binds that path), by name.</summary>
    public IReadOnlyDictionary<string, string> VolumeDevices { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the top-level <c>secrets:</c> and <c>configs:</c> read from a <c>file:</c>, as (<c>secrets.name</c> or <c>configs.name</c>, the file).</summary>
    public IReadOnlyList<(string Property, string File)> FileSources { get; init; } = [];

    /// <summary>Returns a service by name.</summary>
    /// <param name="name">The service's name.</param>
    /// <returns>The service, or <see langword="null"/> when the configuration has none of that name.</returns>
    public ComposeService? Service(string name) => this.Services.FirstOrDefault(s => s.Name == name);
}
