namespace Gitspaces.DevContainers.Features;

/// <summary>A file of a generated build context: written from <paramref name="Contents"/>, or copied from <paramref name="SourceFile"/>.</summary>
/// <param name="Path">The path inside the context (forward slashes).</param>
/// <param name="Contents">The bytes, for generated files.</param>
/// <param name="SourceFile">The file on disk, for files of a Feature's folder.</param>
public sealed record BuildContextFile(string Path, byte[]? Contents, string? SourceFile);
