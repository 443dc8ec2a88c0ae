namespace Gitspaces.Providers.Harness.Api;

/// <summary>An allow or deny list of the account's gitspace settings (<c>types/gitspace_settings.go</c> AccessList).</summary>
public sealed record HarnessAccessList
{
    /// <summary>Gets <c>allow</c> or <c>deny</c>.</summary>
    public string? Mode { get; init; }

    /// <summary>Gets the values.</summary>
    public IReadOnlyList<string>? List { get; init; }

    /// <summary>Returns whether a value passes, as <c>AccessList.IsAllowed</c> decides: an empty list allows everything.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether it is allowed.</returns>
    public bool Allows(string value)
    {
        if (this.List is not { Count: > 0 } list)
        {
            return true;
        }

        var found = list.Contains(value, StringComparer.Ordinal);
        return this.Mode == "allow" ? found : !found;
    }
}
