using System.Diagnostics;
using System.Text.Json.Nodes;
using Gitspaces.TestSupport;

namespace Gitspaces.DevContainers.Tests.Differential;

/// <summary>Runs the pinned reference CLI (<c>@devcontainers/cli</c> from tests/node-tools) with an environment we control.</summary>
internal static class ReferenceCli
{
    public static string ExecutablePath
    {
        get
        {
            var modules = RepositoryRoot.Combine("tests", "node-tools", "node_modules");
            var cli = Path.Combine(modules, "@devcontainers", "cli", "devcontainer.js");
            if (!File.Exists(cli))
            {
                throw new InvalidOperationException(
                    $"The reference CLI is not installed ({cli} is missing). Run `cd tests/node-tools && npm ci` first; the test command does it.");
            }

            return cli;
        }
    }

    /// <summary>Runs <c>devcontainer read-configuration</c>; returns the printed JSON, or null when the CLI failed, with its error output.</summary>
    public static async Task<(JsonObject? Output, string Errors)> ReadConfigurationAsync(string workspaceFolder, string? configPath, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ExecutablePath);
        start.ArgumentList.Add("read-configuration");
        start.ArgumentList.Add("--workspace-folder");
        start.ArgumentList.Add(workspaceFolder);
        if (configPath is not null)
        {
            start.ArgumentList.Add("--config");
            start.ArgumentList.Add(Path.Combine(workspaceFolder, configPath));
        }

        // Only what node and git need, plus the fixture's own variables: the same dictionary our reader gets.
        start.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout;
        var errors = await stderr;
        if (process.ExitCode != 0)
        {
            return (null, errors);
        }

        return (JsonNode.Parse(output)!.AsObject(), errors);
    }
}
