namespace Gitspaces.Providers.Docker.Tests;

/// <summary>devcontainer.json files the tests use; all run the local base image and exit fast.</summary>
internal static class Configs
{
    public const string Path = ".devcontainer/devcontainer.json";

    public static Dictionary<string, string> Files(string devcontainerJson, params (string Path, string Content)[] more)
    {
        var files = new Dictionary<string, string> { [Path] = devcontainerJson, ["README.md"] = "a test repository\n" };
        foreach (var (path, content) in more)
        {
            files[path] = content;
        }

        return files;
    }

    public static string Image(string extra = "") => $$"""
        {
          // JSONC: comments and trailing commas are fine.
          "image": "{{DockerEnvironment.BaseImage}}",
          {{extra}}
        }
        """;
}
