namespace Gitspaces.Compose;

/// <summary>No compose CLI answers on this machine.</summary>
public sealed class ComposeCliNotFoundException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ComposeCliNotFoundException"/> class.</summary>
    public ComposeCliNotFoundException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ComposeCliNotFoundException"/> class.</summary>
    /// <param name="message">What to do about it.</param>
    public ComposeCliNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ComposeCliNotFoundException"/> class.</summary>
    /// <param name="message">What to do about it.</param>
    /// <param name="innerException">Why the program did not start.</param>
    public ComposeCliNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
