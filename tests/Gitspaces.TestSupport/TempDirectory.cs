namespace Gitspaces.TestSupport;

/// <summary>Temporary folders for tests, under one root that a test run can remove.</summary>
public static class TempDirectory
{
    public static string Root { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gitspaces-tests");

    public static string Create(string prefix)
    {
        var path = System.IO.Path.Combine(Root, $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)]);
        Directory.CreateDirectory(path);
        return path;
    }
}
