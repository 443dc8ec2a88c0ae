namespace Gitspaces.Compose;

/// <summary>Compose project names: lower case, and only <c>a-z</c>, <c>0-9</c>, <c>-</c> and <c>_</c>, starting with a letter or digit (what v1 and v2 both accept unchanged).</summary>
public static class ComposeProjectName
{
    /// <summary>Makes a valid project name from any text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The name; <c>project</c> when nothing of the text is left.</returns>
    public static string From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kept = new string([.. text.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_')]).TrimStart('-', '_');
        return kept.Length == 0 ? "project" : kept;
    }
}
