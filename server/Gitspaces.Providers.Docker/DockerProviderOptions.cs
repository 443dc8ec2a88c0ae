namespace Gitspaces.Providers.Docker;

/// <summary>Settings of the Docker provider that the host chooses (the sidecar, the CLI, tests).</summary>
public sealed record DockerProviderOptions
{
    /// <summary>Gets how environment variables are read (<c>DOCKER_HOST</c>, <c>DOCKER_CERT_PATH</c>, <c>HOME</c>, <c>${localEnv:…}</c>); the process environment by default.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Gets where the provider writes diagnostics for the sidecar's own log (sshd's stderr, watch reconnects); nowhere by default.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Gets how long a stop waits for the container to exit before the engine kills it.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets what lets lifecycle commands reach the user's git credential helpers (the sidecar's SSH forward); without
    /// one they run with whatever the gitspace's git has of its own.
    /// </summary>
    public Gitspaces.Core.Credentials.ICredentialForwarder? CredentialForwarder { get; init; }

    /// <summary>Gets how the user's <c>user.name</c>/<c>user.email</c> are read for the gitspace's git; the host's global git configuration by default.</summary>
    public Func<CancellationToken, Task<Gitspaces.Git.Credentials.HostGitIdentity>> GitIdentity { get; init; } =
        ct => Gitspaces.Git.Credentials.HostGitIdentity.ReadAsync(null, ct);
}
