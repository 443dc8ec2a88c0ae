namespace Gitspaces.Protocol;

/// <summary>A secret as clients see it: its name and scope, never its value.</summary>
public sealed record SecretInfo
{
    /// <summary>Gets the name: the environment variable it becomes (letters, digits, underscores; not starting with a digit).</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Gets the repositories it reaches: a URL pattern without scheme or credentials where <c>*</c> matches any text
    /// (<c>github.com/org/*</c>), or absent for every gitspace.
    /// </summary>
    public string? Scope { get; init; }

    /// <summary>Gets when its value was last set.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}
