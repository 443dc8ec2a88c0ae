namespace Gitspaces.Docker.Engine;

/// <summary>A file to put in a tar for the engine.</summary>
/// <param name="Path">The path, relative, with forward slashes.</param>
/// <param name="Contents">The bytes.</param>
/// <param name="Mode">The permissions.</param>
/// <param name="Uid">The owner's user id.</param>
/// <param name="Gid">The owner's group id.</param>
public sealed record ArchiveFile(string Path, byte[] Contents, UnixFileMode Mode, int Uid = 0, int Gid = 0);
