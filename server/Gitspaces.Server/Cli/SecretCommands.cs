using System.CommandLine;
using System.Globalization;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Secrets;
using Gitspaces.Core.State;
using Gitspaces.Protocol;
using Spectre.Console;

namespace Gitspaces.Server.Cli;

/// <summary>
/// <c>gitspaces secret set|list|delete</c>: the user's secrets, which gitspaces in their scope get as environment
/// variables from their next start (docs/personalization.md). A value comes from stdin or a prompt without echo, never argv.
/// </summary>
internal static class SecretCommands
{
    public static void AddTo(RootCommand root, CommandSelection selection)
    {
        if (!selection.Wants("secret", "secrets"))
        {
            return;
        }

        var secret = new Command("secret", "Set, list or delete your secrets: environment variables of your gitspaces' lifecycle commands, SSH sessions and terminals.");
        secret.Aliases.Add("secrets");
        var scopeHelp = "The repositories it reaches: a URL pattern where * matches any text (github.com/org/*); every gitspace when absent.";

        var setName = new Argument<string>("name") { Description = "The variable's name (letters, digits, underscores)." };
        var setScope = new Option<string?>("--repo", "--scope") { Description = scopeHelp };
        var set = new Command("set", "Set a secret. The value is read from stdin (one line; a trailing line break is dropped), or typed at a prompt without echo.") { setName, setScope };
        set.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(setName)!;
            if (SecretStore.ValidateName(name) is { } problem)
            {
                Console.Error.WriteLine("error: " + problem);
                return 2;
            }

            string value;
            if (Console.IsInputRedirected)
            {
                value = await Console.In.ReadToEndAsync(ct);

                // `echo value | gitspaces secret set NAME` and a file ending in a line break mean the line itself.
                value = value.EndsWith("\r\n", StringComparison.Ordinal) ? value[..^2] : value.EndsWith('\n') ? value[..^1] : value;
            }
            else
            {
                value = AnsiConsole.Prompt(new TextPrompt<string>($"Value of {name}:").Secret().AllowEmpty());
            }

            try
            {
                var stored = new SecretStore(StatePaths.FromEnvironment()).Set(name, value, parse.GetValue(setScope));
                Console.Out.WriteLine($"set: {stored.Name} ({ScopeText(stored.Scope)}); gitspaces get it from their next start.");
                return 0;
            }
            catch (GitspaceException ex)
            {
                Console.Error.WriteLine("error: " + ex.Message.Replace("Invalid params: ", string.Empty, StringComparison.Ordinal));
                return 2;
            }
        });

        var listRepository = new Option<string?>("--repo") { Description = "Only the secrets that reach this repository." };
        var json = new Option<bool>("--json") { Description = "Print the list as one JSON line (names and scopes, never values)." };
        var list = new Command("list", "List your secrets: names and scopes, never values.") { listRepository, json };
        list.Aliases.Add("ls");
        list.SetAction(parse =>
        {
            var secrets = new SecretStore(StatePaths.FromEnvironment()).List(parse.GetValue(listRepository));
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(new ListSecretsResult { Secrets = secrets }, GitspacesJsonContext.Default.ListSecretsResult));
                return 0;
            }

            if (secrets.Count == 0)
            {
                Console.Out.WriteLine("No secrets. `gitspaces secret set NAME < file` sets one.");
            }

            foreach (var s in secrets)
            {
                Console.Out.WriteLine($"{s.Name}  {ScopeText(s.Scope)}  (set {s.UpdatedAt.ToLocalTime().ToString("g", CultureInfo.InvariantCulture)})");
            }

            return 0;
        });

        var deleteName = new Argument<string>("name") { Description = "The secret's name." };
        var deleteScope = new Option<string?>("--repo", "--scope") { Description = "The scope it was set for; the global one when absent." };
        var delete = new Command("delete", "Delete a secret; gitspaces lose it at their next start.") { deleteName, deleteScope };
        delete.Aliases.Add("rm");
        delete.SetAction(parse =>
        {
            var name = parse.GetValue(deleteName)!;
            var scope = parse.GetValue(deleteScope);
            if (new SecretStore(StatePaths.FromEnvironment()).Delete(name, scope))
            {
                Console.Out.WriteLine($"deleted: {name} ({ScopeText(SecretScope.Normalize(scope))})");
                return 0;
            }

            Console.Error.WriteLine($"error: no secret {name} ({ScopeText(SecretScope.Normalize(scope))}); see `gitspaces secret list`.");
            return 1;
        });

        secret.Subcommands.Add(set);
        secret.Subcommands.Add(list);
        secret.Subcommands.Add(delete);
        root.Subcommands.Add(secret);
    }

    private static string ScopeText(string? scope) => scope is null ? "every gitspace" : "repositories matching " + scope;
}
