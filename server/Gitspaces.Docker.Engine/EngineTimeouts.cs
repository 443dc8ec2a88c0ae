namespace Gitspaces.Docker.Engine;

/// <summary>
/// How long <see cref="EngineClient"/> waits for the engine: a socket that accepts and never answers, or an engine
/// that hangs, must fail the call with the endpoint named instead of holding <c>list</c> or <c>up</c> for minutes.
/// Uploads and streams (the SSH channel, attach, exec output) have no call limit: they last as long as their data.
/// </summary>
public sealed record EngineTimeouts
{
    /// <summary>The environment variable that sets <see cref="Call"/> in seconds (for slow remote engines, and tests).</summary>
    public const string CallVariable = "GITSPACES_DOCKER_TIMEOUT";

    /// <summary>Gets how long connecting may take.</summary>
    public TimeSpan Connect { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets how long one call may take until its whole answer (or, for a stream, its response head) has arrived.</summary>
    public TimeSpan Call { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the defaults.</summary>
    public static EngineTimeouts Default { get; } = new();

    /// <summary>Reads the timeouts from the environment (<see cref="CallVariable"/>, in seconds; it limits connecting too).</summary>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The timeouts.</returns>
    public static EngineTimeouts FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (double.TryParse(environment(CallVariable), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            var call = TimeSpan.FromSeconds(seconds);
            return new EngineTimeouts { Call = call, Connect = call < Default.Connect ? call : Default.Connect };
        }

        return Default;
    }
}
