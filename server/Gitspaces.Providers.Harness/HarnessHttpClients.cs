using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Gitspaces.Providers.Harness;

/// <summary>Registers the named HTTP clients the Harness client uses, through <see cref="IHttpClientFactory"/>.</summary>
public static class HarnessHttpClients
{
    /// <summary>The client for request/response calls, behind the standard resilience handler.</summary>
    public const string Api = "harness";

    /// <summary>The client for the SSE log stream: no total timeout (a stream lasts the whole operation); the follower reconnects itself.</summary>
    public const string Stream = "harness-stream";

    /// <summary>The request option that marks a POST as safe to repeat (actions are idempotent; lookups change nothing).</summary>
    internal static readonly HttpRequestOptionsKey<bool> RetrySafe = new("gitspaces.harness.retry-safe");

    /// <summary>Adds the named clients: retries with exponential backoff and jitter on 408, 429 and 5xx and on connection failures, honouring <c>Retry-After</c>, with per-attempt and total timeouts.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="options">The retry and timeout settings.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddHarnessHttpClients(this IServiceCollection services, HarnessClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddHttpClient(Api, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.Retry.MaxRetryAttempts = options.MaxRetries;
                resilience.Retry.Delay = options.RetryBaseDelay;
                resilience.Retry.BackoffType = DelayBackoffType.Exponential;
                resilience.Retry.UseJitter = true;
                resilience.Retry.ShouldRetryAfterHeader = true;
                resilience.Retry.ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context));
                resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
                resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;
                resilience.CircuitBreaker.SamplingDuration = options.AttemptTimeout * 2 > TimeSpan.FromSeconds(30) ? options.AttemptTimeout * 2 : TimeSpan.FromSeconds(30);
            });
        services.AddHttpClient(Stream, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = options.AttemptTimeout });
        return services;
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (!HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return false;
        }

        // A create that failed with a 5xx may still have created the gitspace: repeating it could make two.
        // Rate limiting (429) means the server did not act, so that is always safe to repeat.
        if (outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        var request = context.GetRequestMessage();
        return request is null
            || request.Method == HttpMethod.Get
            || request.Method == HttpMethod.Head
            || request.Method == HttpMethod.Delete
            || request.Method == HttpMethod.Put
            || (request.Options.TryGetValue(RetrySafe, out var safe) && safe);
    }
}
