using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gitspaces.Core.State;
using Gitspaces.DevContainers;
using Gitspaces.DevContainers.Jsonc;
using Gitspaces.Protocol;
using Gitspaces.Server.Composition;

namespace Gitspaces.Server.Cli;

/// <summary><c>gitspaces devcontainer read</c>: what a repository's configuration resolves to, and what is wrong with it.</summary>
internal static class DevcontainerCommands
{
    public static void AddTo(RootCommand root, CommandSelection selection)
    {
        if (!selection.Wants("devcontainer"))
        {
            return;
        }

        var folder = new Argument<string>("folder") { Description = "The repository folder (or a clone URL).", DefaultValueFactory = _ => "." };
        var config = new Option<string?>("--config", "-c") { Description = "The devcontainer.json to read, relative to the folder." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object shaped like `devcontainer read-configuration` (configuration, workspace) plus diagnostics." };
        var read = new Command("read", "Read and resolve a devcontainer.json, with diagnostics (file:line:column).") { folder, config, json };
        read.SetAction((parse, ct) => GitspaceCommands.RunAsync(false, false, async (_, _) =>
        {
            var target = parse.GetValue(folder)!;
            var source = Directory.Exists(target) ? new RepositorySource { Path = target } : new RepositorySource { Url = target };
            var result = await DevcontainerReading.ReadRawAsync(new DevcontainerReadParams { Repository = source, ConfigPath = parse.GetValue(config) }, StatePaths.FromEnvironment(), ct);
            return Print(result, parse.GetValue(json));
        }));
        var devcontainer = new Command("devcontainer", "Work with devcontainer.json files.") { read };
        root.Subcommands.Add(devcontainer);
    }

    /// <summary>
    /// Runs <c>devcontainer read [folder] [--config|-c file] [--json]</c> on a local folder without the command-line
    /// parser or the service layer: a script or editor that reads a configuration waits for the whole process, and
    /// building the command tree and both providers costs several times the read. Anything else — help, a URL to
    /// clone, an option spelled another way, a missing folder — is left to the parser (false), so its messages stay.
    /// </summary>
    /// <param name="args">The process's arguments.</param>
    /// <param name="exitCode">The exit code when it ran.</param>
    /// <returns>Whether it recognised and ran the command.</returns>
    public static bool TryReadLocalFolder(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (!TryParseLocalRead(args, out var folder, out var config, out var json))
        {
            return false;
        }

        exitCode = Print(DevContainerReader.Read(Path.GetFullPath(folder), config), json);
        return true;
    }

    private static bool TryParseLocalRead(string[] args, out string folder, out string? config, out bool json)
    {
        folder = ".";
        config = null;
        json = false;
        if (args.Length < 2 || args[0] != "devcontainer" || args[1] != "read")
        {
            return false;
        }

        var hasFolder = false;
        for (var i = 2; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--json" && !json)
            {
                json = true;
                // The parser reads `--json false` as an explicit value; leave that to it.
                if (i + 1 < args.Length && bool.TryParse(args[i + 1], out _))
                {
                    return false;
                }
            }
            else if (arg is "--config" or "-c" && config is null && i + 1 < args.Length && IsPlainToken(args[i + 1]))
            {
                config = args[++i];
            }
            else if (!hasFolder && IsPlainToken(arg))
            {
                folder = arg;
                hasFolder = true;
            }
            else
            {
                return false;
            }
        }

        return Directory.Exists(folder);
    }

    // Not an option, not a response file (@file) and not empty: a token the parser would take as a plain value.
    private static bool IsPlainToken(string token) => token.Length > 0 && token[0] is not '-' and not '@';

    private static int Print(DevContainerReadResult result, bool json)
    {
        if (json)
        {
            WriteJson(result);
            return result.HasErrors ? 1 : 0;
        }

        Console.Out.WriteLine($"config:    {result.ConfigFilePath ?? "(none found)"}");
        if (result.Config is { } c)
        {
            Console.Out.WriteLine($"source:    {(c.Image is { } image ? "image " + image : c.Build is not null ? "Dockerfile " + c.Build.Dockerfile : c.DockerComposeFiles.Count > 0 ? "Docker Compose" : "-")}");
        }

        if (result.Workspace is { } workspace)
        {
            Console.Out.WriteLine($"workspace: {workspace.WorkspaceFolder}");
            Console.Out.WriteLine($"mount:     {workspace.WorkspaceMount ?? "(default)"}");
        }

        if (result.Candidates.Count > 1)
        {
            Console.Out.WriteLine($"others:    {string.Join(", ", result.Candidates)}");
        }

        foreach (var d in result.Diagnostics)
        {
            Console.Error.WriteLine($"{d.File}:{d.Line}:{d.Column}: {d.SeverityName}: {d.Message} [{d.Code}]");
        }

        if (!result.HasErrors && result.Configuration is { } configuration && !Console.IsOutputRedirected)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true, MaxDepth = 256 }))
            {
                configuration.WriteTo(writer);
            }

            Console.Out.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }

        return result.HasErrors ? 1 : 0;
    }

    // JSON.stringify's text, as the reference prints it; neither the reflection-based serializer nor Utf8JsonWriter's
    // escaping tables, which would cost more start-up than the whole read.
    private static void WriteJson(DevContainerReadResult result)
    {
        var text = new StringBuilder();
        using var json = new JsonStringify(text);
        json.Raw("{\"configuration\":").Value(result.Configuration)
            .Raw(",\"workspace\":").Value(result.Workspace?.Json)
            .Raw(",\"diagnostics\":[");
        for (var i = 0; i < result.Diagnostics.Count; i++)
        {
            var d = result.Diagnostics[i];
            json.Raw(i == 0 ? "{\"file\":" : ",{\"file\":").Quoted(d.File)
                .Raw(",\"line\":").Raw(d.Line.ToString(CultureInfo.InvariantCulture))
                .Raw(",\"column\":").Raw(d.Column.ToString(CultureInfo.InvariantCulture))
                .Raw(",\"severity\":").Quoted(d.SeverityName)
                .Raw(",\"message\":").Quoted(d.Message)
                .Raw(",\"code\":").Quoted(d.Code)
                .Raw("}");
        }

        json.Raw("],\"candidates\":[");
        for (var i = 0; i < result.Candidates.Count; i++)
        {
            json.Raw(i == 0 ? string.Empty : ",").Quoted(result.Candidates[i]);
        }

        json.Raw("]}\n");
        using var stdout = Console.OpenStandardOutput();
        stdout.Write(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
