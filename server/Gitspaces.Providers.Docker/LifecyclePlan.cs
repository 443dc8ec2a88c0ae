namespace Gitspaces.Providers.Docker;

/// <summary>
/// The lifecycle commands of a gitspace after the image metadata merge (image and Features first, devcontainer.json
/// last), plus <c>waitFor</c>. Stored as a container label so start and attach replay it without the clone.
/// </summary>
internal sealed record LifecyclePlan
{
    /// <summary>Gets the commands of each hook, keyed by hook name (see <see cref="LifecycleHooks"/>).</summary>
    public Dictionary<string, List<LifecycleCommand>> Hooks { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Gets the hook after which the gitspace is reported ready.</summary>
    public string WaitFor { get; init; } = LifecycleHooks.DefaultWaitFor;

    /// <summary>Returns the commands of a hook.</summary>
    /// <param name="hook">The hook name.</param>
    /// <returns>The non-empty commands, in order.</returns>
    public IReadOnlyList<LifecycleCommand> For(string hook) =>
        this.Hooks.TryGetValue(hook, out var commands) ? commands.Where(c => !c.IsEmpty).ToList() : [];
}
