using Gitspaces.Docker.Engine;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// The container side of port forwards (<c>port-helper.c</c> next to this file): built for each Linux architecture by
/// this project's build and embedded, then copied into a gitspace the first time one of its ports is used, because an
/// image may have neither socat, nc, bash nor any interpreter.
/// </summary>
internal static class PortHelperBinary
{
    /// <summary>Where the helper lives in the container (beside the SSH files).</summary>
    public const string PathInContainer = "/var/lib/gitspaces/bin/port-helper";

    /// <summary>Returns the helper for an image architecture as the engine names it.</summary>
    /// <param name="architecture">The architecture (<c>amd64</c>, <c>arm64</c>; <see langword="null"/> means the engine's own, assumed amd64).</param>
    /// <returns>The file to upload, or <see langword="null"/> when none is built for the architecture.</returns>
    public static ArchiveFile? For(string? architecture)
    {
        var machine = (architecture ?? "amd64") switch
        {
            "amd64" or "x86_64" => "x86_64",
            "arm64" or "aarch64" => "aarch64",
            _ => null,
        };
        if (machine is null)
        {
            return null;
        }

        using var resource = typeof(PortHelperBinary).Assembly.GetManifestResourceStream("port-helper-" + machine)
            ?? throw new InvalidOperationException("The sidecar was built without its port helper for " + machine + " (see Gitspaces.Providers.Docker.Channels.csproj).");
        using var bytes = new MemoryStream();
        resource.CopyTo(bytes);
        return new ArchiveFile(PathInContainer.TrimStart('/'), bytes.ToArray(), ReadableAndRunnableByAll);
    }

    private static UnixFileMode ReadableAndRunnableByAll =>
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
}
