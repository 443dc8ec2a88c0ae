using Docker.DotNet.Models;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Core.Trust;
using Gitspaces.DevContainers.Features;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker;

/// <content>What happens around the image: initializeCommand on this machine, Features, updateRemoteUserUID, and removing derived images nobody uses.</content>
public sealed partial class DockerProvider
{
    /// <summary>The environment variable that lets initializeCommand run for repositories cloned from a URL.</summary>
    public const string AllowInitializeCommandVariable = "GITSPACES_ALLOW_INITIALIZE_COMMAND";

    private static readonly HttpClient FeatureHttp = new() { Timeout = TimeSpan.FromMinutes(5) };

    private bool InitializeCommandAllowed =>
        this.options.Environment(AllowInitializeCommandVariable) is "1" or "true" || DockerSettings.Load(this.paths).AllowInitializeCommand == true;

    private async Task RunInitializeCommandAsync(string id, DevcontainerPlan plan, string repositoryFolder, string source, IOperationContext context)
    {
        if (plan.InitializeCommand is not { IsEmpty: false } command)
        {
            return;
        }

        // The user's setting for this provider speaks for every repository; without it, the service's trust policy
        // decides (a local folder is the user's own code; a clone from a URL is someone else's).
        if (!this.InitializeCommandAllowed && !await IsHostCommandGrantedAsync(id, source, command.ToString(), context))
        {
            var message = $"Skipped initializeCommand: it would run on this machine, outside the container, with code from {source}. "
                + $"To allow it for repositories cloned from a URL, set {AllowInitializeCommandVariable}=1 or \"allowInitializeCommand\": true in the Docker provider's settings (docker.json).";
            context.WriteLog(id, "stderr", message);
            context.RecordEvent(id, EventTypes.LifecycleCommandSkipped, message);
            return;
        }

        await new InitializeCommandRunner(id, repositoryFolder, context).RunAsync(command);
    }

    private static async Task<bool> IsHostCommandGrantedAsync(string id, string source, string command, IOperationContext context)
    {
        var access = new HostAccess { Kind = HostAccessKinds.HostCommand, Property = "$." + InitializeCommandRunner.Hook, Detail = command };
        var answer = await context.RequestTrustAsync(new TrustRequest { GitspaceId = id, Repository = source, IsLocalFolder = Directory.Exists(source), Accesses = [access] });
        return answer.IsGranted(access);
    }

    private async Task<IReadOnlyList<ResolvedFeature>> ResolveFeaturesAsync(string id, DevcontainerPlan plan, string repositoryRoot, IOperationContext context)
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
                .ResolveAsync(plan.Configuration, plan.ConfigFile, repositoryRoot, context.CancellationToken);
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

    private Task<PreparedImage> InstallFeaturesAsync(string id, DevcontainerPlan plan, IReadOnlyList<ResolvedFeature> features, PreparedImage image, IOperationContext context) =>
        new FeatureImageBuilder(() => this.Client, this.Engine).BuildAsync(id, plan, features, image, context);

    private Task<PreparedImage> UpdateRemoteUserUidAsync(string id, MergedMetadata metadata, PreparedImage image, IOperationContext context) =>
        new UidImageBuilder(() => this.Client, this.Engine).ApplyAsync(id, metadata, image, this.endpoint.Address.Scheme == "unix", context);

    // Derived images are shared between gitspaces: remove those no container uses (the engine refuses the others), UID images before the Feature images they are made from.
    private async Task RemoveUnusedDerivedImagesAsync(CancellationToken cancellationToken)
    {
        var images = await this.Client.Images.ListImagesAsync(
            new ImagesListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [DockerLabels.ProviderFilter] = true, [DerivedImages.KindLabel] = true } } },
            cancellationToken);
        foreach (var image in images.OrderBy(i => i.Labels is { } labels && labels.TryGetValue(DerivedImages.KindLabel, out var kind) && kind == DerivedImages.Uid ? 0 : 1))
        {
            // Not forced: the engine refuses an image a container still runs from.
            await this.RemoveImageQuietlyAsync(image.ID, force: false, cancellationToken);
        }
    }
}
