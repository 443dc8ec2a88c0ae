namespace Gitspaces.Providers.Harness;

/// <summary>How patient the Harness HTTP client is: retries with backoff on 429 and 5xx (honouring <c>Retry-After</c>) and timeouts.</summary>
public sealed record HarnessClientOptions
{
    /// <summary>Gets the most retries of one request.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Gets the first retry's delay when the server gives no <c>Retry-After</c>; later ones grow exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the longest a single attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets the longest a request may take, retries and their delays included.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
