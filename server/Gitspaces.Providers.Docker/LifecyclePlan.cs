using System.Text.Json;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// The lifecycle commands of a gitspace after the image metadata merge (image and Features first, devcontainer.json
/// last), plus <c>waitFor</c>. Stored as a container label so start and attach replay it without the clone.
/// </summary>
internal sealed record LifecyclePlan
{
    /// <summary>Gets the commands of each hook, keyed by hook name (see <see cref="LifecycleHooks"/>).</summary>
    public Dictionary<string, List<ContributedCommand>> Hooks { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Gets the hook after which the gitspace is reported ready.</summary>
    public string WaitFor { get; init; } = LifecycleHooks.DefaultWaitFor;

    /// <summary>
    /// Gets the merged <c>remoteEnv</c> the commands run with, its variables substituted but <c>${containerEnv:…}</c>
    /// (resolved against the running container); null in labels of earlier builds, which read it from the metadata label.
    /// </summary>
    /// <remarks>Kept here because the <c>devcontainer.metadata</c> label holds the entries as written, unsubstituted.</remarks>
    public Dictionary<string, string>? RemoteEnv { get; init; }

    /// <summary>Reads the plan from a container's labels; a container without the label has no commands.</summary>
    /// <param name="labels">The container's labels.</param>
    /// <returns>The plan.</returns>
    public static LifecyclePlan FromLabels(IDictionary<string, string> labels) =>
        labels.TryGetValue(DockerLabels.Lifecycle, out var json) && JsonSerializer.Deserialize(json, DockerJsonContext.Default.LifecyclePlan) is { } plan
            ? plan
            : new LifecyclePlan();

    /// <summary>Writes the plan as the value of <see cref="DockerLabels.Lifecycle"/>.</summary>
    /// <returns>The label's value.</returns>
    public string ToLabel() => JsonSerializer.Serialize(this, DockerJsonContext.Default.LifecyclePlan);

    /// <summary>Returns the commands of a hook.</summary>
    /// <param name="hook">The hook name.</param>
    /// <returns>The non-empty commands, in order.</returns>
    public IReadOnlyList<ContributedCommand> For(string hook) =>
        this.Hooks.TryGetValue(hook, out var commands) ? commands.Where(c => !c.IsEmpty).ToList() : [];
}
