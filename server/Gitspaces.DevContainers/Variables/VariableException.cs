namespace Gitspaces.DevContainers.Variables;

/// <summary>A variable the reference refuses to resolve (it then fails the whole read), such as <c>${localEnv}</c> without a name.</summary>
public sealed class VariableException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="VariableException"/> class.</summary>
    public VariableException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="VariableException"/> class.</summary>
    /// <param name="message">The explanation.</param>
    public VariableException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="VariableException"/> class.</summary>
    /// <param name="message">The explanation.</param>
    /// <param name="innerException">The cause.</param>
    public VariableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
