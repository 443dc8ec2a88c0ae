using Gitspaces.Compose;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Docker.Engine;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker.Compose;

/// <summary>
/// The compose CLI for the provider's engine: found once (v2, else v1), and run with the engine's <c>DOCKER_HOST</c>
/// and TLS settings so that compose and the provider always talk to the same engine. Output goes to the gitspace log.
/// </summary>
internal sealed class ComposeRunner
{
    private readonly DockerEngines engines;
    private readonly Func<string, string?> environment;
    private readonly Lock gate = new();
    private Task<ComposeCli>? located;
    private DockerEndpoint? locatedFor;

    public ComposeRunner(DockerEngines engines, Func<string, string?> environment)
    {
        this.engines = engines;
        this.environment = environment;
    }

    /// <summary>Returns the compose CLI, found once per engine endpoint.</summary>
    /// <param name="cancellationToken">Stops looking.</param>
    /// <returns>The CLI.</returns>
    /// <exception cref="GitspaceException">No compose CLI answers (<see cref="ErrorCodes.NotSupported"/>, with what to install).</exception>
    public async Task<ComposeCli> CliAsync(CancellationToken cancellationToken)
    {
        Task<ComposeCli> task;
        lock (this.gate)
        {
            var endpoint = this.engines.Endpoint;
            if (this.located is null || this.located.IsFaulted || this.located.IsCanceled || this.locatedFor != endpoint)
            {
                this.locatedFor = endpoint;
                this.located = ComposeCli.LocateAsync(this.Variables(endpoint), CancellationToken.None);
            }

            task = this.located;
        }

        try
        {
            return await task.WaitAsync(cancellationToken);
        }
        catch (ComposeCliNotFoundException ex)
        {
            throw new GitspaceException(ErrorCodes.NotSupported, ex.Message, new ErrorData
            {
                Kind = nameof(ErrorCodes.NotSupported),
                Hint = "Install Docker Compose (the `docker compose` plugin, or `docker-compose`), then create the gitspace again.",
            });
        }
    }

    /// <summary>Runs a compose command for a gitspace, its output going to the gitspace's log.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="workingDirectory">The folder compose runs in.</param>
    /// <param name="reporter">Receives the log lines.</param>
    /// <param name="cancellationToken">Kills the command.</param>
    /// <returns>The result, whatever the exit code.</returns>
    public async Task<ComposeResult> RunAsync(string id, IReadOnlyList<string> arguments, string workingDirectory, IGitspaceReporter reporter, CancellationToken cancellationToken)
    {
        var cli = await this.CliAsync(cancellationToken);
        try
        {
            return await cli.RunAsync(arguments, workingDirectory, (stream, line) => reporter.WriteLog(id, stream, line), cancellationToken);
        }
        catch (ComposeCliNotFoundException ex)
        {
            throw GitspaceException.OperationFailed(id, "compose", ex.Message, null, ex);
        }
    }

    private Dictionary<string, string?> Variables(DockerEndpoint endpoint)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DOCKER_HOST"] = endpoint.Address.OriginalString,
            ["DOCKER_TLS_VERIFY"] = endpoint.TlsVerify ? "1" : null,
            ["DOCKER_CERT_PATH"] = endpoint.CertPath,

            // DOCKER_HOST names the engine; a context would name another.
            ["DOCKER_CONTEXT"] = null,
        };
        foreach (var name in new[] { "HOME", "DOCKER_CONFIG" })
        {
            if (this.environment(name) is { Length: > 0 } value)
            {
                variables[name] = value;
            }
        }

        return variables;
    }
}
