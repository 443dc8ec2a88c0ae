using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Core.State;
using Gitspaces.DevContainers.Features;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker.Provisioning;

/// <summary>
/// The layers a launcher adds over the development container's image, whichever way it was made: the Features of
/// devcontainer.json, then the updateRemoteUserUID image.
/// </summary>
internal sealed class ImageLayers
{
    private static readonly HttpClient FeatureHttp = new() { Timeout = TimeSpan.FromMinutes(5) };
    private readonly DockerEngines engines;
    private readonly StatePaths paths;
    private readonly DockerProviderOptions options;

    public ImageLayers(DockerEngines engines, StatePaths paths, DockerProviderOptions options)
    {
        this.engines = engines;
        this.paths = paths;
        this.options = options;
    }

    /// <summary>Resolves the Features and builds them over the image; the image itself when there are none.</summary>
    public async Task<PreparedImage> ApplyAsync(string id, DevcontainerPlan plan, PreparedImage image, IOperationContext context, string? imageUserOverride = null)
    {
        var features = await this.ResolveFeaturesAsync(id, plan, context);
        return await this.InstallFeaturesAsync(id, plan, features, image, context, imageUserOverride);
    }

    public async Task<IReadOnlyList<ResolvedFeature>> ResolveFeaturesAsync(string id, DevcontainerPlan plan, IOperationContext context)
    {
        if (plan.Features.Count == 0)
        {
            return [];
        }

        context.Progress($"Fetching Features: {string.Join(", ", plan.Features)}...");
        var configFolder = this.options.Environment("DOCKER_CONFIG") is { Length: > 0 } configured
            ? configured
            : Path.Combine(this.options.Environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        var fetcher = new FeatureFetcher(FeatureHttp, new DockerCredentialStore(Path.Combine(configFolder, "config.json")));
        try
        {
            var resolved = await new FeatureResolver(fetcher, Path.Combine(this.paths.DataDirectory, "cache", "features"))
                .ResolveAsync(plan.Configuration, plan.ConfigFile, plan.WorkspaceRoot, context.CancellationToken);
            foreach (var feature in resolved)
            {
                context.WriteLog(id, "system", $"Feature {feature.Step.Reference.UserId}: {feature.Step.Definition.Name ?? feature.Step.Reference.Id} {feature.Step.Definition.Version}".TrimEnd());
            }

            return resolved;
        }
        catch (FeatureOrderException ex)
        {
            context.RecordEvent(id, EventTypes.FeatureInstallFailed, ex.Message);
            if (ex.InnerException is HttpRequestException { StatusCode: not System.Net.HttpStatusCode.NotFound })
            {
                throw GitspaceException.OperationFailed(id, "feature_install", ex.Message, null, ex);
            }

            throw new GitspaceException(ErrorCodes.DevcontainerInvalid, $"{plan.ConfigPath}: {ex.Message}", new ErrorData
            {
                Kind = nameof(ErrorCodes.DevcontainerInvalid),
                GitspaceId = id,
                Diagnostics = [new Diagnostic { File = plan.ConfigPath, Line = 1, Column = 1, Severity = "error", Message = ex.Message, Code = ex.Code, Path = "$.features" }],
                Hint = "Fix the Feature's id or options in devcontainer.json and create the gitspace again.",
            });
        }
    }

    public Task<PreparedImage> InstallFeaturesAsync(string id, DevcontainerPlan plan, IReadOnlyList<ResolvedFeature> features, PreparedImage image, IOperationContext context, string? imageUserOverride = null) =>
        new FeatureImageBuilder(() => this.engines.Client, this.engines.Engine).BuildAsync(id, plan, features, image, context, imageUserOverride);

    public Task<PreparedImage> UpdateRemoteUserUidAsync(string id, MergedMetadata metadata, PreparedImage image, IOperationContext context, string? platform = null) =>
        new UidImageBuilder(() => this.engines.Client, this.engines.Engine).ApplyAsync(id, metadata, image, this.engines.Endpoint.Address.Scheme == "unix", platform, context);
}
