using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Users;

/// <summary>
/// <c>updateRemoteUserUID</c>: on Linux, give the remote user the host user's UID and GID so files in bind-mounted
/// host folders keep their owner on both sides. The schema: "Controls whether on Linux the container's user should
/// be updated with the local user's UID and GID"; the spec lets a tool skip it where no bind mount needs it. A
/// gitspace's workspace is a Docker volume, not a bind mount, so by default the update runs only when the merged
/// <c>mounts</c> bind a host folder; <c>"updateRemoteUserUID": true</c> asks for it regardless, <c>false</c> never.
/// </summary>
public static class RemoteUserUid
{
    /// <summary>The build argument naming the image to change.</summary>
    public const string BaseImageArgument = "BASE_IMAGE";

    /// <summary>The Dockerfile of the derived image: it changes the user's entry in /etc/passwd (and its group) and the owner of its home.</summary>
    public const string Dockerfile = """
        ARG BASE_IMAGE=scratch
        FROM $BASE_IMAGE
        USER root
        ARG REMOTE_USER
        ARG NEW_UID
        ARG NEW_GID
        RUN set -e; \
            entry="$(grep -E "^${REMOTE_USER}:" /etc/passwd || true)"; \
            if [ -z "$entry" ]; then echo "The user $REMOTE_USER is not in /etc/passwd: nothing to change."; exit 0; fi; \
            old_uid="$(echo "$entry" | cut -d: -f3)"; old_gid="$(echo "$entry" | cut -d: -f4)"; home="$(echo "$entry" | cut -d: -f6)"; \
            if [ "$old_uid" = "$NEW_UID" ] && [ "$old_gid" = "$NEW_GID" ]; then echo "$REMOTE_USER already has $NEW_UID:$NEW_GID."; exit 0; fi; \
            uid_owner="$(awk -F: -v id="$NEW_UID" '$3 == id { print $1 }' /etc/passwd)"; \
            if [ "$old_uid" != "$NEW_UID" ] && [ -n "$uid_owner" ]; then echo "UID $NEW_UID belongs to $uid_owner: $REMOTE_USER is left alone."; exit 0; fi; \
            gid_owner="$(awk -F: -v id="$NEW_GID" '$3 == id { print $1 }' /etc/group)"; \
            if [ "$old_gid" != "$NEW_GID" ] && [ -n "$gid_owner" ]; then echo "GID $NEW_GID belongs to the group $gid_owner: the group stays $old_gid."; NEW_GID="$old_gid"; fi; \
            echo "Changing $REMOTE_USER from $old_uid:$old_gid to $NEW_UID:$NEW_GID."; \
            awk -F: -v OFS=: -v name="$REMOTE_USER" -v uid="$NEW_UID" -v gid="$NEW_GID" '$1 == name { $3 = uid; $4 = gid } { print }' /etc/passwd > /tmp/passwd.new; \
            cat /tmp/passwd.new > /etc/passwd; rm -f /tmp/passwd.new; \
            if [ "$old_gid" != "$NEW_GID" ]; then \
              awk -F: -v OFS=: -v old="$old_gid" -v new="$NEW_GID" '$3 == old { $3 = new } { print }' /etc/group > /tmp/group.new; \
              cat /tmp/group.new > /etc/group; rm -f /tmp/group.new; \
            fi; \
            if [ -d "$home" ]; then chown -R "$NEW_UID:$NEW_GID" "$home"; fi
        ARG IMAGE_USER=root
        USER $IMAGE_USER
        """;

    /// <summary>Decides whether the derived image is needed, and says why not when it is not.</summary>
    /// <param name="setting">The merged <c>updateRemoteUserUID</c> (last boolean), or null when no entry sets it.</param>
    /// <param name="remoteUser">The remote user.</param>
    /// <param name="mounts">The merged <c>mounts</c> (strings in <c>--mount</c> syntax or objects).</param>
    /// <param name="hostIsLinuxWithLocalEngine">Whether this machine runs Linux and the engine shares its file system (a local socket).</param>
    /// <param name="reason">Why the update is skipped, for the log.</param>
    /// <returns>Whether to build the derived image.</returns>
    public static bool IsNeeded(bool? setting, string remoteUser, IEnumerable<JsonNode> mounts, bool hostIsLinuxWithLocalEngine, out string reason)
    {
        ArgumentNullException.ThrowIfNull(remoteUser);
        ArgumentNullException.ThrowIfNull(mounts);
        (var needed, reason) = (setting, remoteUser) switch
        {
            (false, _) => (false, "updateRemoteUserUID is false"),
            _ when !hostIsLinuxWithLocalEngine => (false, "only a Linux host with a local engine shares file owners with the container"),
            (_, "root") => (false, "the remote user is root"),
            _ when remoteUser.All(char.IsAsciiDigit) => (false, "the remote user is a numeric id"),
            (true, _) => (true, string.Empty),
            _ when !mounts.Any(IsBindMount) => (false, "the workspace is a volume and no mount binds a host folder"),
            _ => (true, string.Empty),
        };
        return needed;
    }

    /// <summary>Whether a mount (string or object form) binds a host folder.</summary>
    /// <param name="mount">The mount.</param>
    public static bool IsBindMount(JsonNode? mount) => mount switch
    {
        JsonObject obj => obj["type"]?.ToString() == "bind",
        JsonValue value when value.TryGetValue<string>(out var text) => text.Split(',').Any(part => part.Trim() == "type=bind"),
        _ => false,
    };
}
