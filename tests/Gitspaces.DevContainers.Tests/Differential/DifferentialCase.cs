using System.Diagnostics;
using System.Text.Json.Nodes;
using Gitspaces.TestSupport;

namespace Gitspaces.DevContainers.Tests.Differential;

/// <summary>
/// One folder of Fixtures/Differential, copied to a temporary folder named like it (outside any git repository).
/// An optional <c>fixture.json</c> says which subfolder is the workspace, which config to pass, whether to
/// <c>git init</c> the copy, and extra environment variables for both readers.
/// </summary>
internal sealed class DifferentialCase
{
    public DifferentialCase(string name, string copyRoot, string? workspace, string? config, IReadOnlyDictionary<string, string> environment)
    {
        this.Name = name;
        this.CopyRoot = copyRoot;
        this.WorkspaceFolder = workspace is null ? copyRoot : Path.Combine(copyRoot, workspace);
        this.ConfigPath = config;
        this.Environment = environment;
    }

    public static string SourceRoot => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Differential");

    public string Name { get; }

    public string CopyRoot { get; }

    public string WorkspaceFolder { get; }

    public string? ConfigPath { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public static IEnumerable<string> Names() => Directory.EnumerateDirectories(SourceRoot).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static DifferentialCase Prepare(string name, string tempRoot)
    {
        var source = Path.Combine(SourceRoot, name);
        var copy = Path.Combine(tempRoot, name.Replace("comma", "with,comma", StringComparison.Ordinal));
        CopyFolder(source, copy);
        var settings = File.Exists(Path.Combine(source, "fixture.json")) ? JsonNode.Parse(File.ReadAllText(Path.Combine(source, "fixture.json")))!.AsObject() : [];
        var home = Path.Combine(tempRoot, ".home");
        Directory.CreateDirectory(home);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["HOME"] = home,
        };
        if (settings["env"] is JsonObject extra)
        {
            foreach (var (key, value) in extra)
            {
                environment[key] = value!.GetValue<string>();
            }
        }

        if (settings["git"]?.GetValue<bool>() == true)
        {
            RunGit(copy, "init", "--quiet");
        }

        if (settings["generate"]?.GetValue<string>() is { } generator)
        {
            Generate(generator, copy);
        }

        return new DifferentialCase(name, copy, settings["workspace"]?.GetValue<string>(), settings["config"]?.GetValue<string>(), environment);
    }

    private static void Generate(string generator, string folder)
    {
        var file = Path.Combine(folder, ".devcontainer.json");
        switch (generator)
        {
            case "deep-nesting":
                File.WriteAllText(file, "{\"image\":\"x\",\"a\":" + new string('[', 10_000) + new string(']', 10_000) + "}");
                break;
            case "invalid-utf8":
                File.WriteAllBytes(file, [.. "{\"image\":\"debian\",\"name\":\"caf"u8, 0xff, 0xfe, .. "\"}"u8]);
                break;
            case "bom":
                File.WriteAllBytes(file, [0xef, 0xbb, 0xbf, .. "{\"image\":\"debian\"}"u8]);
                break;
            case "empty":
                File.WriteAllBytes(file, []);
                break;
            default:
                throw new InvalidOperationException($"Unknown generator {generator}");
        }
    }

    private static void RunGit(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)} failed: {process.StandardError.ReadToEnd()}");
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            if (Path.GetFileName(file) != "fixture.json")
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }

        foreach (var folder in Directory.EnumerateDirectories(source))
        {
            CopyFolder(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }

    public override string ToString() => this.Name;

    internal static string NewTempRoot() => TempDirectory.Create("dc-diff");
}
