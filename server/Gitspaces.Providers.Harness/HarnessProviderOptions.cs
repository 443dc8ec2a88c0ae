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

    /// <summary>Gets how often <see cref="HarnessProvider.WatchAsync"/> looks at the running, failed and busy gitspaces while a client is in use.</summary>
    public TimeSpan WatchInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets the longest the watcher waits between looks while nothing changes and no client asks for anything.</summary>
    public TimeSpan WatchIdleInterval { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets how long without a client request counts as idle.</summary>
    public TimeSpan WatchIdleAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets how often the watcher lists every gitspace (new ones, and stopped ones deleted elsewhere); it lists only the active ones in between.</summary>
    public TimeSpan WatchFullListInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets how long to wait for the log stream to deliver its last lines after an operation reached its end state.</summary>
    public TimeSpan LogDrainTimeout { get; init; } = TimeSpan.FromSeconds(3);
}
