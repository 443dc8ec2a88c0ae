using Docker.DotNet.Models;

namespace Gitspaces.Providers.Docker.Images;

/// <summary>Removes images the provider made (a gitspace's Dockerfile build, Feature and UID layers) and what it kept about them.</summary>
internal sealed class ImageCleaner
{
    private readonly DockerEngines engines;
    private readonly ImagePasswdCache passwds;
    private readonly Action<string>? log;

    public ImageCleaner(DockerEngines engines, ImagePasswdCache passwds, Action<string>? log)
    {
        this.engines = engines;
        this.passwds = passwds;
        this.log = log;
    }

    /// <summary>Removes every image labelled as a gitspace's own (its Dockerfile build).</summary>
    public async Task RemoveImagesOfAsync(string gitspaceId, CancellationToken cancellationToken)
    {
        var images = await this.engines.Client.Images.ListImagesAsync(
            new ImagesListParameters { All = true, Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [DockerLabels.IdFilter(gitspaceId)] = true, [DockerLabels.ProviderFilter] = true } } },
            cancellationToken);
        foreach (var image in images)
        {
            await this.RemoveQuietlyAsync(image.ID, force: true, cancellationToken);
        }
    }

    /// <summary>
    /// Removes the derived images no container uses. They are shared between gitspaces, so removal is not forced (the
    /// engine refuses an image a container still runs from); UID images go before the Feature images they are made from.
    /// </summary>
    public async Task RemoveUnusedDerivedAsync(CancellationToken cancellationToken)
    {
        var images = await this.engines.Client.Images.ListImagesAsync(
            new ImagesListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [DockerLabels.ProviderFilter] = true, [DerivedImages.KindLabel] = true } } },
            cancellationToken);
        foreach (var image in images.OrderBy(i => i.Labels is { } labels && labels.TryGetValue(DerivedImages.KindLabel, out var kind) && kind == DerivedImages.Uid ? 0 : 1))
        {
            await this.RemoveQuietlyAsync(image.ID, force: false, cancellationToken);
        }
    }

    /// <summary>Removes an image and what we kept about it; one the engine refuses (in use, or gone) is left as it is.</summary>
    public async Task RemoveQuietlyAsync(string image, bool force, CancellationToken cancellationToken)
    {
        try
        {
            await this.engines.Client.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = force }, cancellationToken);
            this.passwds.Remove(image);
        }
        catch (global::Docker.DotNet.DockerApiException ex)
        {
            this.log?.Invoke($"kept image {image}: {DockerFailures.EngineMessage(ex)}");
        }
    }
}
