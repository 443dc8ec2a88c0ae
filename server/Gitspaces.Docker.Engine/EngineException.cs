using System.Net;

namespace Gitspaces.Docker.Engine;

/// <summary>The engine answered a request with an error status; <see cref="Exception.Message"/> is the engine's own message.</summary>
public sealed class EngineException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="EngineException"/> class.</summary>
    public EngineException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EngineException"/> class.</summary>
    /// <param name="message">The engine's message.</param>
    public EngineException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EngineException"/> class.</summary>
    /// <param name="message">The engine's message.</param>
    /// <param name="innerException">The cause.</param>
    public EngineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EngineException"/> class.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="message">The engine's message.</param>
    public EngineException(HttpStatusCode statusCode, string message)
        : base(message)
    {
        this.StatusCode = statusCode;
    }

    /// <summary>Gets the HTTP status the engine answered with.</summary>
    public HttpStatusCode StatusCode { get; }
}
