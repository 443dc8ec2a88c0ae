namespace Gitspaces.Docker.Engine;

/// <summary>
/// An engine address the client cannot use. <see cref="Field"/> names where it came from (the configured setting or
/// <c>DOCKER_HOST</c>), so that the caller can report it as a bad parameter of its own.
/// </summary>
public sealed class DockerEndpointException : FormatException
{
    /// <summary>Initializes a new instance of the <see cref="DockerEndpointException"/> class.</summary>
    public DockerEndpointException()
    {
        this.Field = string.Empty;
    }

    /// <summary>Initializes a new instance of the <see cref="DockerEndpointException"/> class.</summary>
    /// <param name="message">What is wrong and what would be right.</param>
    public DockerEndpointException(string message)
        : base(message)
    {
        this.Field = string.Empty;
    }

    /// <summary>Initializes a new instance of the <see cref="DockerEndpointException"/> class.</summary>
    /// <param name="message">What is wrong and what would be right.</param>
    /// <param name="innerException">The cause.</param>
    public DockerEndpointException(string message, Exception innerException)
        : base(message, innerException)
    {
        this.Field = string.Empty;
    }

    /// <summary>Initializes a new instance of the <see cref="DockerEndpointException"/> class.</summary>
    /// <param name="field">Where the address came from.</param>
    /// <param name="message">What is wrong and what would be right.</param>
    public DockerEndpointException(string field, string message)
        : base(message)
    {
        this.Field = field;
    }

    /// <summary>Gets where the rejected address came from (<c>$.endpoint</c>, <c>DOCKER_HOST</c>).</summary>
    public string Field { get; }
}
