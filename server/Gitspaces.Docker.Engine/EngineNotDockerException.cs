namespace Gitspaces.Docker.Engine;

/// <summary>
/// Something answered at the engine's address, but not a Docker engine (an HTTP server without Docker's
/// <c>Api-Version</c> header, or a body that is not the engine's JSON). An <see cref="IOException"/>: for the user it is
/// an engine that cannot be used, like one that does not answer.
/// </summary>
public sealed class EngineNotDockerException : IOException
{
    /// <summary>Initializes a new instance of the <see cref="EngineNotDockerException"/> class.</summary>
    public EngineNotDockerException()
        : base("The endpoint is not a Docker engine.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EngineNotDockerException"/> class.</summary>
    /// <param name="message">What answered, and how.</param>
    public EngineNotDockerException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EngineNotDockerException"/> class.</summary>
    /// <param name="message">What answered, and how.</param>
    /// <param name="innerException">The cause.</param>
    public EngineNotDockerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
