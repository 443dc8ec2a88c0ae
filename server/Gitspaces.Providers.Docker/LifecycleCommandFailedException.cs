namespace Gitspaces.Providers.Docker;

/// <summary>A lifecycle command exited with a non-zero code; carries which one and its last output.</summary>
internal sealed class LifecycleCommandFailedException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="LifecycleCommandFailedException"/> class.</summary>
    /// <param name="hook">The hook (for example <c>postCreateCommand</c>).</param>
    /// <param name="message">What failed, naming the command.</param>
    /// <param name="log">The command's last output lines.</param>
    public LifecycleCommandFailedException(string hook, string message, IReadOnlyList<string> log)
        : base(message)
    {
        this.Hook = hook;
        this.Log = log;
    }

    /// <summary>Gets the hook that failed.</summary>
    public string Hook { get; }

    /// <summary>Gets the failing command's last output lines.</summary>
    public IReadOnlyList<string> Log { get; }
}
