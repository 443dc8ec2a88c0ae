namespace Gitspaces.Providers.Docker;

/// <summary>The container lifecycle hooks in the order they run, by their devcontainer.json names.</summary>
internal static class LifecycleHooks
{
    /// <summary>Runs once, first after the container is created.</summary>
    public const string OnCreate = "onCreateCommand";

    /// <summary>Runs once, after onCreate.</summary>
    public const string UpdateContent = "updateContentCommand";

    /// <summary>Runs once, after updateContent.</summary>
    public const string PostCreate = "postCreateCommand";

    /// <summary>Runs on every start.</summary>
    public const string PostStart = "postStartCommand";

    /// <summary>Runs every time an editor attaches.</summary>
    public const string PostAttach = "postAttachCommand";

    /// <summary>The default of <c>waitFor</c>.</summary>
    public const string DefaultWaitFor = UpdateContent;

    /// <summary>Gets the hooks that run when a container is new, in order.</summary>
    public static IReadOnlyList<string> OnNewContainer { get; } = [OnCreate, UpdateContent, PostCreate, PostStart];

    /// <summary>Gets every hook a configuration or image may contribute, in order.</summary>
    public static IReadOnlyList<string> All { get; } = [OnCreate, UpdateContent, PostCreate, PostStart, PostAttach];
}
