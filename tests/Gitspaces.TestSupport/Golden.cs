using Xunit;

namespace Gitspaces.TestSupport;

/// <summary>
/// Compares text with a committed golden file. With <c>GITSPACES_UPDATE_GOLDEN=1</c> it rewrites the file instead,
/// so that an intended change to the wire is one command and a reviewable diff.
/// </summary>
public static class Golden
{
    public static void Match(string relativePath, string actual)
    {
        var path = RepositoryRoot.Combine(relativePath.Split('/'));
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("GITSPACES_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"The golden file {relativePath} is missing; run the tests with GITSPACES_UPDATE_GOLDEN=1 to create it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }
}
