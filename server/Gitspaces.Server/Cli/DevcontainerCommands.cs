using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gitspaces.Core.State;
using Gitspaces.DevContainers;
using Gitspaces.Protocol;
using Gitspaces.Server.Composition;

namespace Gitspaces.Server.Cli;

/// <summary><c>gitspaces devcontainer read</c>: what a repository's configuration resolves to, and what is wrong with it.</summary>
internal static class DevcontainerCommands
{
    public static void AddTo(RootCommand root)
    {
        var folder = new Argument<string>("folder") { Description = "The repository folder (or a clone URL).", DefaultValueFactory = _ => "." };
        var config = new Option<string?>("--config", "-c") { Description = "The devcontainer.json to read, relative to the folder." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object shaped like `devcontainer read-configuration` (configuration, workspace) plus diagnostics." };
        var read = new Command("read", "Read and resolve a devcontainer.json, with diagnostics (file:line:column).") { folder, config, json };
        read.SetAction((parse, ct) => GitspaceCommands.RunAsync(false, false, async (_, _) =>
        {
            var target = parse.GetValue(folder)!;
            var source = Directory.Exists(target) ? new RepositorySource { Path = target } : new RepositorySource { Url = target };
            var result = await DevcontainerReading.ReadRawAsync(new DevcontainerReadParams { Repository = source, ConfigPath = parse.GetValue(config) }, StatePaths.FromEnvironment(), ct);
            if (parse.GetValue(json))
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
                Console.Out.WriteLine(configuration.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            }

            return result.HasErrors ? 1 : 0;
        }));
        var devcontainer = new Command("devcontainer", "Work with devcontainer.json files.") { read };
        root.Subcommands.Add(devcontainer);
    }

    // Written with Utf8JsonWriter: the reflection-based serializer would cost more start-up than the whole read.
    private static void WriteJson(DevContainerReadResult result)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 256 }))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("configuration");
            WriteNode(writer, result.Configuration);
            writer.WritePropertyName("workspace");
            WriteNode(writer, result.Workspace?.Json);
            writer.WriteStartArray("diagnostics");
            foreach (var d in result.Diagnostics)
            {
                writer.WriteStartObject();
                writer.WriteString("file", d.File);
                writer.WriteNumber("line", d.Line);
                writer.WriteNumber("column", d.Column);
                writer.WriteString("severity", d.SeverityName);
                writer.WriteString("message", d.Message);
                writer.WriteString("code", d.Code);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("candidates");
            foreach (var candidate in result.Candidates)
            {
                writer.WriteStringValue(candidate);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stdout.WriteByte((byte)'\n');
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }
}
