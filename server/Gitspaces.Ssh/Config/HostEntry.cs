namespace Gitspaces.Ssh.Config;

/// <summary>One gitspace's <c>Host</c> entry in our SSH config file, as the exact lines between its markers.</summary>
/// <param name="Provider">The provider id.</param>
/// <param name="GitspaceId">The gitspace id.</param>
/// <param name="Alias">The host alias.</param>
/// <param name="Lines">The entry's lines, markers included.</param>
internal sealed record HostEntry(string Provider, string GitspaceId, string Alias, IReadOnlyList<string> Lines)
{
    /// <summary>The first characters of the line that opens an entry; the key <c>provider/id</c> follows.</summary>
    public const string BeginMarker = "# >>> gitspace ";

    /// <summary>The first characters of the line that closes an entry.</summary>
    public const string EndMarker = "# <<< gitspace ";

    /// <summary>Gets the key that names the entry: <c>provider/id</c>.</summary>
    public string Key => KeyOf(this.Provider, this.GitspaceId);

    /// <summary>Returns the key that names an entry.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <returns><c>provider/id</c>.</returns>
    public static string KeyOf(string provider, string gitspaceId) => provider + "/" + gitspaceId;

    /// <summary>Renders an entry.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="alias">The host alias.</param>
    /// <param name="options">The <c>keyword value</c> lines of the <c>Host</c> block, in order.</param>
    /// <returns>The entry.</returns>
    public static HostEntry Create(string provider, string gitspaceId, string alias, IEnumerable<string> options)
    {
        var key = KeyOf(provider, gitspaceId);
        List<string> lines = [BeginMarker + key, "Host " + alias];
        lines.AddRange(options.Select(option => "    " + option));
        lines.Add(EndMarker + key);
        return new HostEntry(provider, gitspaceId, alias, lines);
    }
}
