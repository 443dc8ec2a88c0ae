using System.Text.Json.Nodes;
using Docker.DotNet;
using Docker.DotNet.Models;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.DevContainers.Features;
using Gitspaces.Docker.Engine;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// Installs a configuration's Features into an image derived from the gitspace's image: the recipe from
/// <c>Gitspaces.DevContainers</c> (Dockerfile, env files, install wrappers, metadata label) is sent to the engine as
/// a tar and built with the log streamed; one <c>feature_install_*</c> pair of events per Feature as the build
/// reaches its layer. The image is tagged by the recipe's content hash and reused when it exists.
/// </summary>
internal sealed class FeatureImageBuilder
{
    private const int TailLines = 30;
    private readonly Func<IDockerClient> client;
    private readonly EngineClient engine;

    /// <summary>Initializes a new instance of the <see cref="FeatureImageBuilder"/> class.</summary>
    /// <param name="client">Makes the Docker.DotNet client, for builds only (loading it costs a short-lived process start-up time).</param>
    /// <param name="engine">The engine client for inspects.</param>
    public FeatureImageBuilder(Func<IDockerClient> client, EngineClient engine)
    {
        this.client = client;
        this.engine = engine;
    }

    /// <summary>Builds (or reuses) the image with the Features installed.</summary>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="plan">The configuration.</param>
    /// <param name="features">The Features in install order (none: the image is returned as it is).</param>
    /// <param name="image">The base image.</param>
    /// <param name="context">Receives events and log lines.</param>
    /// <param name="imageUserOverride">The user the container runs as instead of the image's <c>USER</c> (a compose service's <c>user:</c>, as the reference passes it).</param>
    /// <returns>The derived image.</returns>
    public async Task<PreparedImage> BuildAsync(string gitspaceId, DevcontainerPlan plan, IReadOnlyList<ResolvedFeature> features, PreparedImage image, IOperationContext context, string? imageUserOverride = null)
    {
        if (features.Count == 0)
        {
            return image;
        }

        var token = context.CancellationToken;
        var baseEntries = MergedMetadata.EntriesIn(image.Details.Labels);
        var imageUser = imageUserOverride is { Length: > 0 } ? imageUserOverride : string.IsNullOrEmpty(image.Details.User) ? "root" : image.Details.User;
        var (containerUser, remoteUser) = FeaturesImageRecipe.Users([.. baseEntries.Select(e => (JsonObject)plan.SubstituteLocal(e)!), (JsonObject)plan.SubstituteLocal(plan.MetadataEntry)!], imageUser);
        var recipe = FeaturesImageRecipe.Create(features, baseEntries, containerUser, remoteUser);
        var buildArguments = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [FeaturesImageRecipe.BaseImageArgument] = image.Details.Id,
            [FeaturesImageRecipe.ImageUserArgument] = imageUser,
        };
        var hash = recipe.ContentHash(image.Details.Id, buildArguments);
        var tag = DerivedImages.Tag(DerivedImages.Features, hash);
        var names = string.Join(", ", features.Select(f => f.Step.Reference.UserId));
        if (await this.engine.InspectImageAsync(tag, token) is { } existing)
        {
            context.RecordEvent(gitspaceId, EventTypes.FeatureInstallCompleted, $"Features already installed in {tag} ({names})");
            return new PreparedImage(tag, existing);
        }

        context.WriteLog(gitspaceId, "system", $"Installing Features into {tag}: {names}");
        var current = -1;
        void Advance(int next)
        {
            if (current >= 0)
            {
                context.RecordEvent(gitspaceId, EventTypes.FeatureInstallCompleted, $"Installed Feature {features[current].Step.Reference.UserId}");
            }

            current = next;
            if (next >= 0)
            {
                context.RecordEvent(gitspaceId, EventTypes.FeatureInstallStart, $"Installing Feature {features[next].Step.Reference.UserId}...");
            }
        }

        // Lines of the build belong to the Feature whose layer runs: its step names its folder (<id>_<index>).
        var tail = new List<string>();
        void OnLine(string line)
        {
            if (EngineBuild.IsStepLine(line) && line.Contains(" RUN ", StringComparison.Ordinal))
            {
                var index = recipe.FolderNames.ToList().FindIndex(name => line.Contains($"{FeaturesImageRecipe.FeaturesFolder}/{name} ", StringComparison.Ordinal));
                if (index >= 0 && index != current)
                {
                    Advance(index);
                }
            }

            tail.Add(line);
            if (tail.Count > TailLines)
            {
                tail.RemoveAt(0);
            }

            context.WriteLog(gitspaceId, "stdout", line);
        }

        var parameters = new ImageBuildParameters
        {
            Dockerfile = FeaturesImageRecipe.DockerfileName,
            Tags = [tag],
            BuildArgs = buildArguments,
            Labels = DerivedImages.Labels(DerivedImages.Features, hash),
            Remove = true,
            ForceRemove = true,
        };
        string? error;
        using (var tar = TarArchives.FromFiles(recipe.Files.Select(ToArchiveFile)))
        {
            (error, _) = await EngineBuild.RunAsync(this.client(), parameters, tar, OnLine, token);
        }

        if (error is null && await this.engine.InspectImageAsync(tag, token) is { } built)
        {
            Advance(-1);
            return new PreparedImage(tag, built);
        }

        var failed = current >= 0 ? features[current].Step : null;
        var message = failed is null
            ? $"Installing the Features ({names}) failed: {error ?? "the build finished without producing the image"}"
            : $"Installing the Feature {failed.Reference.UserId} ({failed.Definition.Name ?? failed.Reference.Id}) failed: {error}. Last lines: {string.Join(" | ", tail.TakeLast(5))}";
        context.RecordEvent(gitspaceId, EventTypes.FeatureInstallFailed, message);
        throw GitspaceException.OperationFailed(gitspaceId, "feature_install", message, [.. tail]);
    }

    private static ArchiveFile ToArchiveFile(BuildContextFile file) =>
        new(file.Path, file.Contents ?? File.ReadAllBytes(file.SourceFile!), (UnixFileMode)0b111_101_101);
}
