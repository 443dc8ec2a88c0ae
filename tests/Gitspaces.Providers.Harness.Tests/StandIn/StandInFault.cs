namespace Gitspaces.Providers.Harness.Tests.StandIn;

/// <summary>A scripted failure: the next <see cref="Remaining"/> requests that match answer this instead.</summary>
internal sealed class StandInFault
{
    public required string Method { get; init; }

    /// <summary>Gets the path suffix the request path must end with (for example <c>/gitspaces</c>).</summary>
    public required string PathSuffix { get; init; }

    public required int Status { get; init; }

    public string? Body { get; init; }

    public string ContentType { get; init; } = "application/json";

    public int? RetryAfterSeconds { get; init; }

    public int Remaining { get; set; } = 1;

    /// <summary>Gets or sets how many matching requests to let through before failing.</summary>
    public int Skip { get; set; }

    public bool Matches(string method, string path) =>
        this.Remaining > 0 && string.Equals(method, this.Method, StringComparison.OrdinalIgnoreCase) && path.EndsWith(this.PathSuffix, StringComparison.Ordinal);
}

/// <summary>What the stand-in received, for assertions (the auth header's name only, never its value).</summary>
internal sealed record StandInRequest(string Method, string Path, string Query, DateTimeOffset Time, string? AuthScheme, int Status)
{
    /// <summary>Gets the body of a POST, PATCH or PUT.</summary>
    public string? Body { get; init; }
}
