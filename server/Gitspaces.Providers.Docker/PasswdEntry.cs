namespace Gitspaces.Providers.Docker;

/// <summary>A user of the container's <c>/etc/passwd</c>.</summary>
/// <param name="Name">The user name.</param>
/// <param name="Uid">The user id.</param>
/// <param name="Gid">The primary group id.</param>
/// <param name="Home">The home folder.</param>
internal sealed record PasswdEntry(string Name, int Uid, int Gid, string Home)
{
    /// <summary>Finds a user by name or numeric id (<c>1000</c> or <c>1000:1000</c>) in the text of <c>/etc/passwd</c>.</summary>
    /// <param name="passwd">The file's text, or <see langword="null"/> when the image has none.</param>
    /// <param name="user">The user name or id.</param>
    /// <returns>The user; for an unknown numeric id, that id with home <c>/</c>; for an unknown name, <see langword="null"/>.</returns>
    public static PasswdEntry? Find(string? passwd, string user)
    {
        var idPart = user.Split(':')[0];
        var numeric = int.TryParse(idPart, out var numericId);
        foreach (var line in (passwd ?? string.Empty).Split('\n'))
        {
            var fields = line.Split(':');
            if (fields.Length >= 6 && int.TryParse(fields[2], out var uid) && int.TryParse(fields[3], out var gid)
                && (numeric ? uid == numericId : fields[0] == idPart))
            {
                return new PasswdEntry(fields[0], uid, gid, fields[5]);
            }
        }

        if (numeric)
        {
            var gidPart = user.Split(':') is [_, var g] && int.TryParse(g, out var parsedGid) ? parsedGid : numericId;
            return new PasswdEntry(user, numericId, gidPart, "/");
        }

        return idPart == "root" ? new PasswdEntry("root", 0, 0, "/root") : null;
    }
}
