namespace Gitspaces.TestSupport;

/// <summary>The <c>dotnet</c> executable that runs the tests, to run the sidecar's assembly the same way.</summary>
public static class DotnetHost
{
    public static string Path { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : "dotnet";
}
