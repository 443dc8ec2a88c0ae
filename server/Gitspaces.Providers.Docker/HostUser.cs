using System.Globalization;

namespace Gitspaces.Providers.Docker;

/// <summary>The user this process runs as, on Linux: real UID and GID from <c>/proc/self/status</c> (no shell, no native call).</summary>
internal static class HostUser
{
    /// <summary>Reads the ids; null off Linux or when /proc is not there.</summary>
    /// <returns>The user and group ids.</returns>
    public static (int Uid, int Gid)? Read()
    {
        const string Status = "/proc/self/status";
        if (!OperatingSystem.IsLinux() || !File.Exists(Status))
        {
            return null;
        }

        int? uid = null, gid = null;
        foreach (var line in File.ReadLines(Status))
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                uid = First(line);
            }
            else if (line.StartsWith("Gid:", StringComparison.Ordinal))
            {
                gid = First(line);
            }
        }

        return uid is { } u && gid is { } g ? (u, g) : null;
    }

    private static int? First(string line)
    {
        var fields = line[4..].Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 0 && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
