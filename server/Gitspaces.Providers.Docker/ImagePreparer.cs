using Docker.DotNet;
using Docker.DotNet.Models;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.DevContainers.Features;
using Gitspaces.Docker.Engine;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// Gets a gitspace's image onto the engine: inspects it, pulls it with the user's registry login when it is missing,
/// or builds it from the Dockerfile (context sent as a tar, build log streamed; a failing step's log is returned).
/// </summary>
internal sealed class ImagePreparer
{
    private readonly Func<IDockerClient> client;
    private readonly EngineClient engine;
    private readonly Func<string, string?> environment;

    /// <summary>Initializes a new instance of the <see cref="ImagePreparer"/> class.</summary>
    /// <param name="client">Makes the Docker.DotNet client, for pulls and builds only (loading it costs a short-lived process start-up time).</param>
    /// <param name="engine">The engine client for inspects.</param>
    /// <param name="environment">Reads environment variables (for registry logins).</param>
    public ImagePreparer(Func<IDockerClient> client, EngineClient engine, Func<string, string?> environment)
    {
        this.client = client;
        this.engine = engine;
        this.environment = environment;
    }

    /// <summary>Makes the image of a plan available.</summary>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="plan">The configuration.</param>
    /// <param name="context">Receives events and log lines.</param>
    /// <returns>The image.</returns>
    public Task<PreparedImage> PrepareAsync(string gitspaceId, DevcontainerPlan plan, IOperationContext context) =>
        plan.Dockerfile is not null
            ? this.BuildAsync(gitspaceId, plan, context)
            : this.PullIfMissingAsync(gitspaceId, plan.Image!, context);

    /// <summary>Returns the registry host of an image reference (<c>docker.io</c> when it names none).</summary>
    /// <param name="image">The image reference.</param>
    /// <returns>The registry host.</returns>
    public static string RegistryOf(string image)
    {
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? string.Empty : image[..slash];
        return first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost" ? first : "docker.io";
    }

    private static (string Name, string Tag) Split(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            return (image[..at], image[(at + 1)..]);
        }

        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
    }

    private async Task<AuthConfig> LoginForAsync(string image, CancellationToken cancellationToken)
    {
        // The docker CLI's own lookup (credHelpers, credsStore, auths), shared with the Feature fetcher.
        var folder = this.environment("DOCKER_CONFIG") is { Length: > 0 } configured
            ? configured
            : Path.Combine(this.environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        var registry = RegistryOf(image);
        var store = new DockerCredentialStore(Path.Combine(folder, "config.json"));
        var key = registry == "docker.io" ? "https://index.docker.io/v1/" : registry;
        var login = await store.GetAsync(key, cancellationToken) ?? (registry == "docker.io" ? await store.GetAsync(registry, cancellationToken) : null);
        return login switch
        {
            null => new AuthConfig(),
            { UserName: "<token>" } => new AuthConfig { IdentityToken = login.Secret, ServerAddress = key },
            _ => new AuthConfig { Username = login.UserName, Password = login.Secret, ServerAddress = key },
        };
    }

    private async Task<PreparedImage> PullIfMissingAsync(string gitspaceId, string image, IOperationContext context)
    {
        var token = context.CancellationToken;
        if (await this.engine.InspectImageAsync(image, token) is { } present)
        {
            return new PreparedImage(image, present);
        }

        // Not on the engine yet: pull it.
        context.RecordEvent(gitspaceId, EventTypes.ImagePullStart, $"Pulling image {image}...");
        var (name, tag) = Split(image);
        string? error = null;
        var progress = new SyncProgress<JSONMessage>(message =>
        {
            if (message.Error is { } failure)
            {
                error = failure.Message;
            }
            else if (!string.IsNullOrEmpty(message.Status) && message.Progress is null)
            {
                context.WriteLog(gitspaceId, "stdout", string.IsNullOrEmpty(message.ID) ? message.Status : $"{message.ID}: {message.Status}");
            }
        });
        try
        {
            await this.client().Images.CreateImageAsync(new ImagesCreateParameters { FromImage = name, Tag = tag }, await this.LoginForAsync(image, token), progress, token);
            var inspected = await this.engine.InspectImageAsync(image, token)
                ?? throw new EngineException(System.Net.HttpStatusCode.NotFound, $"the pull of {image} finished without the image");
            context.RecordEvent(gitspaceId, EventTypes.ImagePullCompleted, $"Pulled image {image}");
            return new PreparedImage(image, inspected);
        }
        catch (Exception ex) when (ex is DockerApiException || DockerFailures.IsNotFound(ex))
        {
            error ??= DockerFailures.EngineMessage(ex);
        }

        var message = $"The image '{image}' is not on this Docker engine and could not be pulled: {error}";
        context.RecordEvent(gitspaceId, EventTypes.ImagePullFailed, message);
        throw new GitspaceException(ErrorCodes.OperationFailed, message, new ErrorData
        {
            Kind = nameof(ErrorCodes.OperationFailed),
            GitspaceId = gitspaceId,
            Step = "image_pull",
            Hint = $"Check the image name, log in to its registry with `docker login {RegistryOf(image)}`, or build or load '{image}' on the engine.",
        });
    }

    private async Task<PreparedImage> BuildAsync(string gitspaceId, DevcontainerPlan plan, IOperationContext context)
    {
        var token = context.CancellationToken;
        var tag = DockerLabels.BuiltImageTag(gitspaceId);
        var contextFolder = plan.BuildContext!;
        var dockerfile = Path.GetRelativePath(contextFolder, plan.Dockerfile!);
        if (dockerfile.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(dockerfile))
        {
            throw GitspaceException.OperationFailed(gitspaceId, "image_build", $"The Dockerfile {plan.Dockerfile} lies outside the build context {contextFolder}; set build.context to a folder that contains it.");
        }

        context.RecordEvent(gitspaceId, EventTypes.ImageBuildStart, $"Building image from {dockerfile.Replace('\\', '/')}...");
        string? error;
        IReadOnlyList<string> log;
        using (var tar = TarArchives.FromFolder(contextFolder, 0, 0, token, DockerIgnore.ForBuild(contextFolder, plan.Dockerfile!)))
        {
            var parameters = new ImageBuildParameters
            {
                Dockerfile = dockerfile.Replace('\\', '/'),
                Tags = [tag],
                BuildArgs = plan.BuildArgs.ToDictionary(),
                Target = plan.BuildTarget,
                Labels = new Dictionary<string, string> { [DockerLabels.Id] = gitspaceId, [DockerLabels.Provider] = DockerLabels.ProviderValue },
                Remove = true,
                ForceRemove = true,
            };
            (error, log) = await EngineBuild.RunAsync(this.client(), parameters, tar, line => context.WriteLog(gitspaceId, "stdout", line), token);
        }

        if (error is null)
        {
            if (await this.engine.InspectImageAsync(tag, token) is { } inspected)
            {
                context.RecordEvent(gitspaceId, EventTypes.ImageBuildCompleted, $"Built image {tag}");
                return new PreparedImage(tag, inspected);
            }

            error = "the build finished without producing the image";
        }

        var failedStep = log.FirstOrDefault(l => l.StartsWith("Step ", StringComparison.Ordinal));
        var message = failedStep is null
            ? $"Building the image from {dockerfile} failed: {error}"
            : $"Building the image from {dockerfile} failed at {failedStep}: {error}";
        context.RecordEvent(gitspaceId, EventTypes.ImageBuildFailed, message);
        throw GitspaceException.OperationFailed(gitspaceId, "image_build", message, log);
    }
}
