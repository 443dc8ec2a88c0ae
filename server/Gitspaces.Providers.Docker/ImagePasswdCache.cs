using System.Text;
using Gitspaces.Core.State;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// The <c>/etc/passwd</c> of each image a gitspace was made from, by image id. A new container's files are its
/// image's until it starts, and an image id is the hash of its content, so the file read from the first container
/// holds for every later one: each read is an archive call, which costs the engine a helper process (~170 ms).
/// </summary>
internal sealed class ImagePasswdCache
{
    private readonly string folder;

    /// <summary>Initializes a new instance of the <see cref="ImagePasswdCache"/> class.</summary>
    /// <param name="paths">The state directory.</param>
    public ImagePasswdCache(StatePaths paths)
    {
        this.folder = Path.Combine(paths.DataDirectory, "docker", "images");
    }

    /// <summary>Returns the cached file of an image.</summary>
    /// <param name="imageId">The image id (<c>sha256:…</c>).</param>
    /// <returns>The text, or <see langword="null"/> when it was never read (or cannot be read now).</returns>
    public string? Read(string imageId)
    {
        if (this.PathOf(imageId) is not { } path)
        {
            return null;
        }

        try
        {
            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Keeps an image's file; a cache that cannot be written only costs the next create a read.</summary>
    /// <param name="imageId">The image id.</param>
    /// <param name="passwd">The file's text.</param>
    public void Write(string imageId, string passwd)
    {
        if (this.PathOf(imageId) is not { } path)
        {
            return;
        }

        try
        {
            StatePaths.WritePrivateFile(path, Encoding.UTF8.GetBytes(passwd));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Forgets an image's file (the image was removed).</summary>
    /// <param name="imageId">The image id.</param>
    public void Remove(string imageId)
    {
        if (this.PathOf(imageId) is not { } path)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Returns the file for an id made only of its algorithm and hex digest, so that no id reaches another folder.</summary>
    private string? PathOf(string imageId)
    {
        var separator = imageId.IndexOf(':', StringComparison.Ordinal);
        var algorithm = separator < 0 ? "sha256" : imageId[..separator];
        var digest = imageId[(separator + 1)..];
        if (digest.Length is < 32 or > 128 || !digest.All(char.IsAsciiHexDigitLower) || algorithm.Length is 0 or > 16 || !algorithm.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        return Path.Combine(this.folder, algorithm + "-" + digest + ".passwd");
    }
}
