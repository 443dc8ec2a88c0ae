using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Files;

namespace Gitspaces.DevContainers.Features;

/// <summary>
/// Turns a configuration's <c>features</c> into Features ready to install, in install order: local folders are read
/// in place, OCI references and tarball URLs are downloaded into the cache, <c>dependsOn</c> is followed, and each
/// value is checked against the Feature's options.
/// </summary>
public sealed class FeatureResolver
{
    private readonly FeatureFetcher fetcher;
    private readonly string cacheDirectory;

    /// <summary>Initializes a new instance of the <see cref="FeatureResolver"/> class.</summary>
    /// <param name="fetcher">Downloads OCI and tarball Features.</param>
    /// <param name="cacheDirectory">Where downloads are extracted (content-addressed, reused).</param>
    public FeatureResolver(FeatureFetcher fetcher, string cacheDirectory)
    {
        this.fetcher = fetcher ?? throw new ArgumentNullException(nameof(fetcher));
        this.cacheDirectory = cacheDirectory ?? throw new ArgumentNullException(nameof(cacheDirectory));
    }

    /// <summary>Resolves and orders the Features of a configuration.</summary>
    /// <param name="configuration">The configuration as read (its <c>features</c> and <c>overrideFeatureInstallOrder</c>).</param>
    /// <param name="configFilePath">The configuration file (local ids are relative to its folder).</param>
    /// <param name="workspaceFolder">The repository root (local Features must be inside its <c>.devcontainer/</c>).</param>
    /// <param name="cancellationToken">Cancels downloads.</param>
    /// <returns>The Features in install order; empty when the configuration has none.</returns>
    /// <exception cref="FeatureOrderException">A Feature is not found, cannot be fetched or read, has a bad option value, or the order cannot be computed.</exception>
    public async Task<IReadOnlyList<ResolvedFeature>> ResolveAsync(JsonObject configuration, string configFilePath, string workspaceFolder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration["features"] is not JsonObject features || features.Count == 0)
        {
            return [];
        }

        var folders = new Dictionary<string, string>(StringComparer.Ordinal);
        var overrideOrder = configuration["overrideFeatureInstallOrder"] is JsonArray order
            ? order.Select(o => o?.ToString()).OfType<string>().ToList()
            : null;
        var steps = await FeatureInstallOrder.ComputeAsync(
            features,
            configFilePath,
            workspaceFolder,
            async (reference, token) =>
            {
                var (folder, definition) = await this.FetchAsync(reference, workspaceFolder, token).ConfigureAwait(false);
                folders[KeyOf(reference)] = folder;
                return definition;
            },
            overrideOrder,
            cancellationToken).ConfigureAwait(false);
        var problems = steps.SelectMany(FeatureOptionCheck.Problems).ToList();
        if (problems.Count > 0)
        {
            throw new FeatureOrderException(DiagnosticCodes.InvalidFeature, string.Join(" ", problems));
        }

        return [.. steps.Select(step => new ResolvedFeature(step, folders[KeyOf(step.Reference)]))];
    }

    private static string KeyOf(FeatureReference reference) => reference.ResourceKey + "@" + reference.Oci?.Version;

    private async Task<(string Folder, FeatureDefinition Definition)> FetchAsync(FeatureReference reference, string workspaceFolder, CancellationToken cancellationToken)
    {
        try
        {
            switch (reference.Kind)
            {
                case FeatureSourceKind.Local:
                    var folder = reference.LocalPath!;
                    if (Directory.Exists(folder) && !RepositoryFiles.IsInside(folder, workspaceFolder))
                    {
                        throw new FeatureOrderException(DiagnosticCodes.PathOutsideRepository, $"Feature \"{reference.UserId}\" is a symbolic link to {RepositoryFiles.RealPath(folder)}, outside the repository; a local Feature must be the repository's own.");
                    }

                    if (!File.Exists(Path.Combine(folder, "devcontainer-feature.json")))
                    {
                        throw new FeatureOrderException(DiagnosticCodes.InvalidFeature, $"Feature \"{reference.UserId}\" not found: {folder} has no devcontainer-feature.json.");
                    }

                    return (folder, await FeatureDefinition.LoadAsync(folder, cancellationToken).ConfigureAwait(false));
                case FeatureSourceKind.Oci:
                    var fetched = await this.fetcher.FetchAsync(reference.Oci!, this.cacheDirectory, cancellationToken).ConfigureAwait(false);
                    return (fetched.Folder, fetched.Definition);
                default:
                    var tarball = await this.fetcher.FetchTarballAsync(reference.TarballUri!, this.cacheDirectory, cancellationToken).ConfigureAwait(false);
                    return (tarball.Folder, tarball.Definition);
            }
        }
        catch (HttpRequestException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new FeatureOrderException($"Feature \"{reference.UserId}\" not found: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new FeatureOrderException($"Feature \"{reference.UserId}\" could not be fetched or read: {ex.Message}", ex);
        }
    }
}
