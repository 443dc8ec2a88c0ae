namespace Gitspaces.Providers.Docker;

/// <summary>
/// Images the provider derives from a gitspace's image (Features installed, remote user's UID changed). They are
/// named by a hash of what went into them, so a rebuild or another gitspace with the same inputs reuses them, and
/// they carry no gitspace id: they are shared, and a delete removes only those no container uses any more.
/// </summary>
internal static class DerivedImages
{
    /// <summary>The label saying which kind of derived image this is (<see cref="Features"/> or <see cref="Uid"/>).</summary>
    public const string KindLabel = "dev.gitspaces.derived";

    /// <summary>The label holding the content hash the tag is made from.</summary>
    public const string HashLabel = "dev.gitspaces.content-hash";

    /// <summary>The kind of an image with Features installed.</summary>
    public const string Features = "features";

    /// <summary>The kind of an image whose remote user has the host user's UID and GID.</summary>
    public const string Uid = "uid";

    /// <summary>Returns the tag of a derived image.</summary>
    /// <param name="kind"><see cref="Features"/> or <see cref="Uid"/>.</param>
    /// <param name="contentHash">The hash of its inputs.</param>
    /// <returns>The tag.</returns>
    public static string Tag(string kind, string contentHash) => $"gitspaces-{kind}:{contentHash[..32]}";

    /// <summary>Returns the labels of a derived image; the gitspace id a base image may carry is blanked, since the image is shared.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="contentHash">The hash of its inputs.</param>
    /// <returns>The labels.</returns>
    public static Dictionary<string, string> Labels(string kind, string contentHash) => new(StringComparer.Ordinal)
    {
        [DockerLabels.Provider] = DockerLabels.ProviderValue,
        [DockerLabels.Id] = string.Empty,
        [KindLabel] = kind,
        [HashLabel] = contentHash,
    };
}
