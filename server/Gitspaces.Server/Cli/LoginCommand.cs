using System.CommandLine;
using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using Spectre.Console;

namespace Gitspaces.Server.Cli;

/// <summary><c>gitspaces login harness</c>: configures the Harness provider; the token comes from stdin, never argv.</summary>
internal static class LoginCommand
{
    public static void AddTo(RootCommand root, CommandSelection selection)
    {
        if (!selection.Wants("login"))
        {
            return;
        }

        var endpoint = new Option<string>("--endpoint") { Description = "The Harness URL, e.g. https://app.harness.io.", Required = true };
        var account = new Option<string?>("--account") { Description = "The account identifier (hosted CDE)." };
        var org = new Option<string?>("--org") { Description = "The organization identifier (hosted CDE)." };
        var project = new Option<string?>("--project") { Description = "The project identifier (hosted CDE)." };
        var space = new Option<string?>("--space") { Description = "The space path (open-source Harness server)." };
        var flavour = new Option<string?>("--flavour") { Description = "cde (hosted Harness CDE, default) or oss (open-source Harness server)." };
        var allowHttp = new Option<bool>("--allow-http") { Description = "Allow a plain-http endpoint on another machine: the token then travels in clear. Loopback http needs no flag." };
        var harness = new Command("harness", "Log in to a Harness control plane. Reads the API token from stdin (prompting without echo in a terminal).")
        {
            endpoint, account, org, project, space, flavour, allowHttp,
        };
        harness.SetAction((parse, ct) => GitspaceCommands.RunAsync(false, false, async (service, _) =>
        {
            if (parse.GetValue(allowHttp))
            {
                // The provider runs in this process and reads the allowance from its environment; it is saved with the settings.
                Environment.SetEnvironmentVariable("GITSPACES_HARNESS_ALLOW_HTTP", "1");
            }

            string? token;
            if (Console.IsInputRedirected)
            {
                token = (await Console.In.ReadToEndAsync(ct)).Trim();
            }
            else
            {
                token = AnsiConsole.Prompt(new TextPrompt<string>("Harness API token:").Secret());
            }

            if (string.IsNullOrWhiteSpace(token))
            {
                throw new GitspaceException(ErrorCodes.InvalidParams, "No token was given: pipe it in (gitspaces login harness … < token-file) or type it at the prompt.");
            }

            var info = await service.ConfigureProviderAsync(
                new ConfigureProviderParams
                {
                    Provider = "harness",
                    Endpoint = parse.GetValue(endpoint),
                    AccountIdentifier = parse.GetValue(account),
                    OrgIdentifier = parse.GetValue(org),
                    ProjectIdentifier = parse.GetValue(project),
                    SpacePath = parse.GetValue(space),
                    Flavour = parse.GetValue(flavour),
                    Token = token,
                },
                ct);
            Console.Out.WriteLine(info.Reachable
                ? $"logged in to {info.Endpoint} ({info.DisplayName})"
                : $"saved; but {info.Endpoint} did not answer: {info.Message}");
            return info.Reachable ? 0 : 1;
        }));
        root.Subcommands.Add(new Command("login", "Log in to a provider.") { harness });
    }
}
