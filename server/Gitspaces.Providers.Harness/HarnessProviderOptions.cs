namespace Gitspaces.Providers.Harness;

/// <summary>How the Harness provider talks to the control plane and how closely it follows running operations.</summary>
public sealed record HarnessProviderOptions
{
    /// <summary>Gets the HTTP retry and timeout settings.</summary>
    public HarnessClientOptions Http { get; init; } = new();

    /// <summary>Gets the first delay between polls of a running operation; polls speed back up to it whenever something changes.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets the longest delay between polls of a running operation while nothing changes.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets how long an operation may run before the provider stops waiting (Harness's own limit is 60 minutes).</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>Gets how often <see cref="HarnessProvider.WatchAsync"/> lists gitspaces to notice changes made elsewhere.</summary>
    public TimeSpan WatchInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets how long to wait for the log stream to deliver its last lines after an operation reached its end state.</summary>
    public TimeSpan LogDrainTimeout { get; init; } = TimeSpan.FromSeconds(3);
}
