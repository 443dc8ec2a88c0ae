namespace Gitspaces.DevContainers.Validation;

/// <summary>JSON paths in the form <see cref="System.Text.Json.Nodes.JsonNode.GetPath"/> writes them.</summary>
internal static class JsonPaths
{
    public static string Child(string parentPath, string key)
    {
        var simple = key.Length > 0;
        foreach (var c in key)
        {
            simple &= char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '-';
        }

        return simple ? $"{parentPath}.{key}" : $"{parentPath}['{key.Replace("'", "\\'", StringComparison.Ordinal)}']";
    }
}
