using System.Text;
using System.Text.Json;
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
        try
        {
            // Docker.DotNet's progress overload deserializes each message with Newtonsoft.Json on a task of its own and
            // completes only when that succeeds: under Native AOT the builder's last message, {"aux":{"ID":…}} (an
            // IDictionary<string, object> of extension data), fails there and the build would never return. The stream
            // overload hands over the engine's JSON lines, read here with the source-generated reader; the build is
            // over when the engine ends the response.
#pragma warning disable CS0618 // "does not wait for the build": reading the stream to its end is the wait.
            using var stream = await client.Images.BuildImageFromDockerfileAsync(context, parameters, cancellationToken);
#pragma warning restore CS0618
            using var reader = new StreamReader(stream, new UTF8Encoding(false));

            // A read may not watch the token: closing the stream ends it.
            using var closing = cancellationToken.Register(stream.Dispose);
            while (await reader.ReadLineAsync(cancellationToken) is { } json)
            {
                if (json.Length == 0 || Parse(json) is not { } message)
                {
                    continue;
                }

                if ((message.ErrorDetail?.Message ?? message.Error) is { Length: > 0 } failure)
                {
                    error = failure;
                    continue;
                }

                foreach (var line in (message.Stream ?? string.Empty).Split('\n'))
                {
                    var text = line.TrimEnd('\r');
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    if (IsStepLine(text))
                    {
                        step.Clear();
                    }

                    step.Add(text);
                    if (step.Count > KeptLines)
                    {
                        step.RemoveAt(1);
                    }

                    onLine(text);
                }
            }
        }
        catch (DockerApiException ex)
        {
            error ??= DockerFailures.EngineMessage(ex);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or IOException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The build was cancelled.", ex, cancellationToken);
        }

        return (error, [.. step]);
    }

    /// <summary>Whether a line of the classic builder's output starts a step (<c>Step 3/9 : RUN …</c>).</summary>
    /// <param name="line">The line.</param>
    public static bool IsStepLine(string line) => line.StartsWith("Step ", StringComparison.Ordinal);

    private static EngineBuildMessage? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, DockerJsonContext.Default.EngineBuildMessage);
        }
        catch (JsonException)
        {
            // Not a message (the engine writes nothing else, but a proxy might): the lines around it still count.
            return null;
        }
    }
}
