namespace Gitspaces.DevContainers.Files;

/// <summary>A repository file that <see cref="RepositoryFiles.Read"/> refused or could not read.</summary>
public sealed class RepositoryFileException : IOException
{
    /// <summary>Initializes a new instance of the <see cref="RepositoryFileException"/> class.</summary>
    public RepositoryFileException()
        : this(DiagnosticCodes.ReadFailed, "The file could not be read.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RepositoryFileException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    public RepositoryFileException(string message)
        : this(DiagnosticCodes.ReadFailed, message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RepositoryFileException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RepositoryFileException(string message, Exception innerException)
        : this(DiagnosticCodes.ReadFailed, message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RepositoryFileException"/> class.</summary>
    /// <param name="code">The diagnostic code (see <see cref="DiagnosticCodes"/>).</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RepositoryFileException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        this.Code = code;
    }

    /// <summary>Gets the diagnostic code (see <see cref="DiagnosticCodes"/>).</summary>
    public string Code { get; }
}
