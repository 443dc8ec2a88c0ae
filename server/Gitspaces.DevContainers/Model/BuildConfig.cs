namespace Gitspaces.DevContainers.Model;

/// <summary>The Dockerfile build (<c>build</c>, or the legacy top-level <c>dockerFile</c>/<c>context</c>).</summary>
public sealed class BuildConfig
{
    /// <summary>Gets the Dockerfile as written (relative to the configuration's folder); <c>dockerFile</c> wins over <c>build.dockerfile</c>.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>Gets the Dockerfile, absolute.</summary>
    public string? DockerfilePath { get; init; }

    /// <summary>Gets the build context as written; the reference's default is ".".</summary>
    public string Context { get; init; } = ".";

    /// <summary>Gets the build context, absolute.</summary>
    public string? ContextPath { get; init; }

    /// <summary>Gets the build arguments (<c>--build-arg</c>).</summary>
    public IReadOnlyDictionary<string, string> Args { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the target stage (<c>--target</c>).</summary>
    public string? Target { get; init; }

    /// <summary>Gets the images for <c>--cache-from</c> (a single string is one entry).</summary>
    public IReadOnlyList<string> CacheFrom { get; init; } = [];

    /// <summary>Gets extra <c>docker build</c> arguments, verbatim.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];
}
