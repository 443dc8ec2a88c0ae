namespace Gitspaces.DevContainers.Model;

/// <summary>The three forms of a lifecycle command.</summary>
public enum LifecycleCommandForm
{
    /// <summary>A string, run with <c>/bin/sh -c</c>.</summary>
    Shell,

    /// <summary>An array, executed directly without a shell.</summary>
    Exec,

    /// <summary>An object of named commands that run in parallel; all must succeed.</summary>
    Parallel,
}
