namespace Gitspaces.DevContainers;

/// <summary>Node's <c>path.posix.join</c>, for container paths, which are POSIX whatever the host is.</summary>
internal static class PosixPath
{
    /// <summary>Joins and normalizes like <c>path.posix.join</c> (".." and "." resolved, slashes collapsed, a trailing slash kept).</summary>
    public static string Join(params string[] parts)
    {
        var nonEmpty = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            if (part.Length > 0)
            {
                nonEmpty.Add(part);
            }
        }

        var joined = string.Join('/', nonEmpty);
        return joined.Length == 0 ? "." : Normalize(joined);
    }

    /// <summary>The last segment of a POSIX path, ignoring trailing slashes.</summary>
    public static string Basename(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }

    private static string Normalize(string path)
    {
        var absolute = path.StartsWith('/');
        var trailing = path.EndsWith('/');
        var segments = new List<string>();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0 && segments[^1] != "..")
                {
                    segments.RemoveAt(segments.Count - 1);
                }
                else if (!absolute)
                {
                    segments.Add(segment);
                }

                continue;
            }

            segments.Add(segment);
        }

        var result = string.Join('/', segments);
        if (absolute)
        {
            result = "/" + result;
        }
        else if (result.Length == 0)
        {
            result = ".";
        }

        return trailing && result != "/" ? result + "/" : result;
    }
}
