using System.Text.RegularExpressions;

namespace Gitspaces.DevContainers.Features;

/// <summary>A key of <c>features</c>, resolved as the reference's <c>processFeatureIdentifier</c> does.</summary>
public sealed partial class FeatureReference
{
    private static readonly HashSet<string> AutoMapped = new(StringComparer.Ordinal)
    {
        "aws-cli", "azure-cli", "desktop-lite", "docker-in-docker", "docker-from-docker", "dotnet", "git", "git-lfs", "github-cli",
        "java", "kubectl-helm-minikube", "node", "powershell", "python", "ruby", "rust", "sshd", "terraform",
    };

    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal) { ["golang"] = "go", ["common"] = "common-utils" };

    private FeatureReference(string userId, FeatureSourceKind kind, string id)
    {
        this.UserId = userId;
        this.Kind = kind;
        this.Id = id;
    }

    /// <summary>Gets the id as the user wrote it.</summary>
    public string UserId { get; }

    /// <summary>Gets where the Feature comes from.</summary>
    public FeatureSourceKind Kind { get; }

    /// <summary>Gets the Feature's id (last path segment, tarball name part or folder name).</summary>
    public string Id { get; }

    /// <summary>Gets the OCI reference (<see cref="FeatureSourceKind.Oci"/>).</summary>
    public OciReference? Oci { get; private init; }

    /// <summary>Gets the tarball URL (<see cref="FeatureSourceKind.Tarball"/>).</summary>
    public Uri? TarballUri { get; private init; }

    /// <summary>Gets the Feature's folder, absolute (<see cref="FeatureSourceKind.Local"/>).</summary>
    public string? LocalPath { get; private init; }

    /// <summary>Gets a value indicating whether a legacy short id was mapped to <c>ghcr.io/devcontainers/features/…:1</c>.</summary>
    public bool IsDeprecatedShortId { get; private init; }

    /// <summary>Gets the id without version, as <c>overrideFeatureInstallOrder</c> and <c>installsAfter</c> name Features: the OCI resource, the URL or the absolute folder.</summary>
    public string ResourceKey => this.Kind switch
    {
        FeatureSourceKind.Oci => this.Oci!.Resource,
        FeatureSourceKind.Tarball => this.TarballUri!.ToString(),
        _ => this.LocalPath!,
    };

    /// <summary>Resolves a Feature id.</summary>
    /// <param name="userId">The key of <c>features</c> (or of a Feature's <c>dependsOn</c>).</param>
    /// <param name="configFilePath">The configuration file: local paths are relative to its folder.</param>
    /// <param name="workspaceFolder">The workspace folder: local Features must be inside its <c>.devcontainer/</c>.</param>
    /// <param name="error">Why the id cannot be used, as a person reads it.</param>
    public static FeatureReference? TryParse(string userId, string configFilePath, string workspaceFolder, out string? error)
    {
        ArgumentNullException.ThrowIfNull(userId);
        error = null;
        if (userId.StartsWith("https://", StringComparison.Ordinal) || userId.StartsWith("http://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(userId, UriKind.Absolute, out var uri))
            {
                error = $"Feature \"{userId}\" is not a valid URL.";
                return null;
            }

            var name = uri.AbsolutePath[(uri.AbsolutePath.LastIndexOf('/') + 1)..];
            var match = TarballName().Match(name);
            if (!match.Success || !IdPattern().IsMatch(match.Groups[1].Value))
            {
                error = $"Feature tarball \"{name}\" must be named devcontainer-feature-<id>.tgz.";
                return null;
            }

            return new FeatureReference(userId, FeatureSourceKind.Tarball, match.Groups[1].Value) { TarballUri = uri };
        }

        if (userId.StartsWith("./", StringComparison.Ordinal) || userId.StartsWith("../", StringComparison.Ordinal) || userId.StartsWith('/') || Path.IsPathRooted(userId))
        {
            if (Path.IsPathRooted(userId))
            {
                error = $"Feature \"{userId}\": an absolute path to a local Feature is not allowed.";
                return null;
            }

            var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(configFilePath) ?? workspaceFolder, userId));
            var devcontainerFolder = Path.Combine(workspaceFolder, DevContainerConfigLocator.ConfigFolderName);
            if (Path.GetRelativePath(devcontainerFolder, resolved).Contains("..", StringComparison.Ordinal))
            {
                error = $"Feature \"{userId}\" resolves to {resolved}: a local Feature must be inside {devcontainerFolder}.";
                return null;
            }

            return new FeatureReference(userId, FeatureSourceKind.Local, Path.GetFileName(Path.TrimEndingDirectorySeparator(resolved))) { LocalPath = resolved };
        }

        var mapped = userId;
        var deprecated = false;
        if (AutoMapped.Contains(userId))
        {
            (mapped, deprecated) = ($"ghcr.io/devcontainers/features/{userId}:1", true);
        }
        else if (Renamed.TryGetValue(userId, out var renamed))
        {
            (mapped, deprecated) = ($"ghcr.io/devcontainers/features/{renamed}:1", true);
        }
        else if (!userId.Contains('/', StringComparison.Ordinal))
        {
            error = $"Legacy feature '{userId}' not supported. Please check https://containers.dev/features for replacements. If you were hoping to use local Features, remember to prepend your Feature name with \"./\".";
            return null;
        }

        var oci = OciReference.TryParse(mapped, out error);
        return oci is null ? null : new FeatureReference(userId, FeatureSourceKind.Oci, oci.Id) { Oci = oci, IsDeprecatedShortId = deprecated };
    }

    /// <inheritdoc/>
    public override string ToString() => this.UserId;

    [GeneratedRegex("devcontainer-feature-(.*)\\.tgz", RegexOptions.CultureInvariant)]
    private static partial Regex TarballName();

    [GeneratedRegex("^[a-zA-Z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
