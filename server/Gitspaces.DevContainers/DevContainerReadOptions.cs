namespace Gitspaces.DevContainers;

/// <summary>What <see cref="DevContainerReader"/> takes besides the folder and configuration path.</summary>
public sealed class DevContainerReadOptions
{
    /// <summary>Gets the host environment <c>${localEnv:X}</c> reads; the process environment when null.</summary>
    public IReadOnlyDictionary<string, string>? LocalEnvironment { get; init; }

    /// <summary>Gets the image's <c>devcontainer.metadata</c> label; when set, <see cref="DevContainerReadResult.MergedConfiguration"/> is computed.</summary>
    public string? ImageMetadataLabel { get; init; }

    /// <summary>Gets a value indicating whether the workspace is mounted from its git root (the reference's <c>--mount-workspace-git-root</c>, default true).</summary>
    public bool MountWorkspaceGitRoot { get; init; } = true;

    /// <summary>Gets the host platform; the current one when null.</summary>
    public HostPlatform? Platform { get; init; }

    /// <summary>Gets the <c>consistency=</c> value of the default workspace mount off Linux (the reference's read path uses <c>consistent</c>).</summary>
    public string MountConsistency { get; init; } = "consistent";

    /// <summary>Gets the largest configuration file read, in bytes; larger files are refused with <see cref="DiagnosticCodes.FileTooLarge"/>.</summary>
    public long MaxFileBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Gets how deep objects and arrays may nest before the file is refused with <see cref="DiagnosticCodes.NestingTooDeep"/>.</summary>
    public int MaxNestingDepth { get; init; } = 64;

    /// <summary>Gets the options with every default.</summary>
    public static DevContainerReadOptions Default { get; } = new();

    internal HostPlatform EffectivePlatform => this.Platform
        ?? (OperatingSystem.IsWindows() ? HostPlatform.Windows : OperatingSystem.IsMacOS() ? HostPlatform.MacOS : HostPlatform.Linux);
}
