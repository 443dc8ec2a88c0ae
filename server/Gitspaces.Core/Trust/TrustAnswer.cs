namespace Gitspaces.Core.Trust;

/// <summary>The answer to a <see cref="TrustRequest"/>: every access it listed is either granted or refused.</summary>
public sealed record TrustAnswer
{
    /// <summary>Gets the accesses the provider may apply.</summary>
    public required IReadOnlyList<HostAccess> Granted { get; init; }

    /// <summary>Gets the accesses the provider must not apply.</summary>
    public required IReadOnlyList<HostAccess> Refused { get; init; }

    /// <summary>Gets a value indicating whether nothing was refused.</summary>
    public bool AllGranted => this.Refused.Count == 0;

    /// <summary>Returns whether an access was granted.</summary>
    /// <param name="access">The access, as the request listed it.</param>
    /// <returns>Whether the provider may apply it.</returns>
    public bool IsGranted(HostAccess access) => this.Granted.Contains(access);

    /// <summary>Creates an answer that grants everything asked.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The answer.</returns>
    public static TrustAnswer GrantAll(TrustRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new TrustAnswer { Granted = request.Accesses, Refused = [] };
    }
}
