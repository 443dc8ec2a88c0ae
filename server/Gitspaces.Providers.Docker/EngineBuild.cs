using Docker.DotNet;
using Docker.DotNet.Models;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// One image build on the engine (classic builder, context as a tar): every output line goes to a callback as it
/// arrives, the lines of the step that runs last are kept, and the engine's error is returned instead of thrown.
/// </summary>
internal static class EngineBuild
{
    private const int KeptLines = 80;

    /// <summary>Runs the build.</summary>
    /// <param name="client">The engine client.</param>
    /// <param name="parameters">Tags, Dockerfile, build arguments, labels.</param>
    /// <param name="context">The build context as a tar.</param>
    /// <param name="onLine">Receives each line of output.</param>
    /// <param name="cancellationToken">Stops the build.</param>
    /// <returns>The error (null on success) and the last step's lines (its <c>Step n/m</c> line first).</returns>
    public static async Task<(string? Error, IReadOnlyList<string> StepLog)> RunAsync(IDockerClient client, ImageBuildParameters parameters, Stream context, Action<string> onLine, CancellationToken cancellationToken)
    {
        var step = new List<string>();
        string? error = null;
        var progress = new SyncProgress<JSONMessage>(message =>
        {
            if (message.Error is { } failure || message.ErrorMessage is { Length: > 0 })
            {
                error = message.Error?.Message ?? message.ErrorMessage;
                return;
            }

            foreach (var line in (message.Stream ?? string.Empty).Split('\n'))
            {
                var text = line.TrimEnd('\r');
                if (text.Length == 0)
                {
                    continue;
                }

                lock (step)
                {
                    if (IsStepLine(text))
                    {
                        step.Clear();
                    }

                    step.Add(text);
                    if (step.Count > KeptLines)
                    {
                        step.RemoveAt(1);
                    }
                }

                onLine(text);
            }
        });
        try
        {
            await client.Images.BuildImageFromDockerfileAsync(parameters, context, null, null, progress, cancellationToken);
        }
        catch (DockerApiException ex)
        {
            error ??= DockerFailures.EngineMessage(ex);
        }

        lock (step)
        {
            return (error, [.. step]);
        }
    }

    /// <summary>Whether a line of the classic builder's output starts a step (<c>Step 3/9 : RUN …</c>).</summary>
    /// <param name="line">The line.</param>
    public static bool IsStepLine(string line) => line.StartsWith("Step ", StringComparison.Ordinal);
}
