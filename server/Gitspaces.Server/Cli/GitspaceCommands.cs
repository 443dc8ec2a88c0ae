using System.CommandLine;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Gitspaces.Core;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Settings;
using Gitspaces.Core.State;
using Gitspaces.Protocol;
using Gitspaces.Server.Composition;
using Spectre.Console;

namespace Gitspaces.Server.Cli;

/// <summary>
/// The gitspace commands. Each one calls the same <see cref="GitspaceService"/> method as its RPC twin: one code
/// path per operation.
/// </summary>
internal static class GitspaceCommands
{
    private static readonly Option<bool> JsonOption = new("--json") { Description = "Print one JSON line with the outcome (for scripts); progress goes to stderr." };
    private static readonly Option<bool> VerboseOption = new("--verbose", "-v") { Description = "Also print log lines and state changes." };
    private static readonly Option<string?> ProviderOption = new("--provider", "-p") { Description = "The provider: docker (default) or harness." };
    private static readonly Option<bool> TrustOption = new("--trust") { Description = "Trust the repository: let its configuration reach this machine (host mounts, privileges, initializeCommand). Remembered until `gitspaces trust revoke`." };
    private static readonly Option<string?> MachineOption = new("--machine") { Description = "The machine type, for a hosted provider (see its create options)." };
    private static readonly Option<string?> RegionOption = new("--region") { Description = "The region, for a hosted provider." };
    private static readonly Option<string?> AutoStopOption = new("--auto-stop") { Description = "Stop the gitspace after this long without use: 30m, 2h, 90s, or 0/never (default: your autoStop setting, else 60m). Docker gitspaces." };
    private static readonly Option<string?> InfraOption = new("--infra") { Description = "The infrastructure (Harness infra provider), for a hosted provider." };

    public static void AddTo(RootCommand root, CommandSelection selection)
    {
        Add(root, selection, Up, "up");
        Add(root, selection, List, "list", "ls");
        Add(root, selection, Get, "get");
        Add(root, selection, Update, "update");
        Add(root, selection, () => Operation("start", "Start a stopped gitspace.", "started", (s, id, o, ct) => s.StartAsync(id, o, ct)), "start");
        Add(root, selection, () => Operation("stop", "Stop a gitspace; its files are kept.", "stopped", (s, id, o, ct) => s.StopAsync(id, o, ct)), "stop");
        Add(root, selection, () => Operation("rebuild", "Re-create a gitspace's container from its repository's current configuration, keeping the workspace files.", "rebuilt", (s, id, o, ct) => s.RebuildAsync(id, o, ct), (s, id, o, ct) => s.RebuildAsync(id, o, ct, trustRepository: true)), "rebuild");
        Add(root, selection, Delete, "delete", "rm");
        Add(root, selection, Logs, "logs");
        Add(root, selection, Events, "events");
        Add(root, selection, Providers, "providers");
    }

    /// <summary>Adds a command when the selection wants it; its names must be the command's own name and aliases.</summary>
    internal static void Add(RootCommand root, CommandSelection selection, Func<Command> create, params string[] names)
    {
        if (selection.Wants(names))
        {
            root.Subcommands.Add(create());
        }
    }

    internal static async Task<int> RunAsync(bool json, bool verbose, Func<GitspaceService, CliOutput, Task<int>> body)
    {
        var output = new CliOutput(json, verbose);
        try
        {
            var services = new SidecarServices(StatePaths.FromEnvironment());
            return await body(services.Gitspaces, output);
        }
        catch (GitspaceException ex)
        {
            return output.Failure(ex);
        }
        catch (OperationCanceledException)
        {
            return output.Cancelled();
        }
        finally
        {
            // The credential channels this command opened (lifecycle commands) end with it.
            await Credentials.SidecarCredentials.CloseAsync();
        }
    }

    private static Command Up()
    {
        var repository = new Argument<string>("repository") { Description = "A clone URL (https, ssh, git, file) or a local folder." };
        var branch = new Option<string?>("--branch", "-b") { Description = "The branch to check out (default: the repository's default branch)." };
        var name = new Option<string?>("--name", "-n") { Description = "The gitspace's name (default: derived from the repository)." };
        var config = new Option<string?>("--config", "-c") { Description = "The devcontainer.json to use, relative to the repository root." };
        var ide = new Option<string?>("--ide") { Description = $"The IDE it is for: {IdeNames.Help} (default vscode)." };
        var waitFor = new Option<string?>("--wait-for") { Description = "Return once this lifecycle hook has run (default: all of them, postAttachCommand last, as `devcontainer up` does). The hooks after it do not run now (a command already started finishes in the container); create-time commands left unfinished run again when the gitspace next starts." };
        waitFor.AcceptOnlyFromAmong(LifecycleWait.Hooks);
        var repoType = new Option<string?>("--repo-type") { Description = "The kind of git host, for a hosted provider that cannot tell from the URL (Harness: github_enterprise, gitlab_on_prem, bitbucket_server, harness_code, …)." };
        var sshKey = new Option<string?>("--ssh-key") { Description = "An SSH key you registered with a hosted provider, to log in with (Harness: its identifier)." };
        var dotfiles = new Option<string?>("--dotfiles") { Description = "A dotfiles repository to install (URL, owner/name on GitHub, or a local folder); your dotfiles.repository setting when absent, none with \"\"." };
        var dotfilesTarget = new Option<string?>("--dotfiles-target") { Description = "Where the dotfiles go in the gitspace (default ~/dotfiles)." };
        var dotfilesInstall = new Option<string?>("--dotfiles-install") { Description = "The command that installs them (default: the first of install.sh, install, bootstrap.sh, bootstrap, script/bootstrap, setup.sh, setup, script/setup; else links into home)." };
        var command = new Command("up", "Create a gitspace from a repository and start it.") { repository, branch, name, config, ide, waitFor, repoType, sshKey, dotfiles, dotfilesTarget, dotfilesInstall, AutoStopOption, MachineOption, RegionOption, InfraOption, ProviderOption, TrustOption, JsonOption, VerboseOption };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(JsonOption), parse.GetValue(VerboseOption), async (service, output) =>
        {
            using var subscription = service.Subscribe(output);
            var lastHook = parse.GetValue(waitFor) ?? LifecycleWait.All;
            var wait = new LifecycleWait(lastHook);
            using var waiting = service.Subscribe(wait);
            var source = parse.GetValue(repository)!;
            if (Directory.Exists(source))
            {
                source = Path.GetFullPath(source);
            }

            var gitspace = await service.CreateAsync(
                new CreateGitspaceParams
                {
                    Name = parse.GetValue(name),
                    Repository = new RepositorySource { Url = source, Branch = parse.GetValue(branch), Type = parse.GetValue(repoType) },
                    DevcontainerPath = parse.GetValue(config),
                    Provider = parse.GetValue(ProviderOption),
                    Ide = parse.GetValue(ide),
                    TrustRepository = parse.GetValue(TrustOption) ? true : null,
                    Resource = Resource(parse),
                    SshKeyId = parse.GetValue(sshKey),
                    Dotfiles = parse.GetValue(dotfiles) is { } dotfilesRepository
                        ? new DotfilesSource { Repository = dotfilesRepository, TargetPath = parse.GetValue(dotfilesTarget), InstallCommand = parse.GetValue(dotfilesInstall) }
                        : null,
                    AutoStopSeconds = AutoStop(parse),
                },
                output,
                ct);
            // Lifecycle commands after the configuration's `waitFor` go on once the gitspace is ready (an editor may
            // connect meanwhile); `up` waits for them, or for the hook --wait-for names, and then reports the readiness
            // they left: a command that failed makes the exit code 1, with the hook, command and exit status named.
            // Ctrl+C while they run stops them in the container too and leaves the gitspace in error, as during the create.
            var drained = service.DrainBackgroundWorkAsync(gitspace.Id, "The create was cancelled.", ct);
            await (lastHook == LifecycleWait.All ? drained : Task.WhenAny(drained, wait.Passed));
            gitspace = await service.GetAsync(gitspace.Id, ct);
            if (lastHook == LifecycleWait.All && gitspace.State == GitspaceState.Running && gitspace.Readiness != GitspaceReadiness.StartError)
            {
                // The reference's `up` ends with postAttachCommand (an editor runs it again each time it attaches):
                // attaching here runs it, and registers the SSH host `gitspaces ssh` uses.
                gitspace = (await service.ConnectAsync(gitspace.Id, null, output, ct)).Gitspace;
            }

            var code = output.Success(gitspace, "is up");
            if (code == 0 && !parse.GetValue(JsonOption))
            {
                var self = SelfCommand.For(Environment.ProcessPath, Environment.GetEnvironmentVariable("PATH"));
                Console.Out.WriteLine($"connect: {self} ssh {gitspace.Id}   |   open in VS Code: {self} open {gitspace.Id} --ide vscode");
            }

            return code;
        }));
        return command;
    }

    // Apart from the command's action so that Spectre.Console loads only when a person reads the table.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WriteTable(ListGitspacesResult result)
    {
        // A display name apart from the id (hosted providers) gets a column of its own, only when there is one.
        var named = result.Gitspaces.Any(g => g.Name != g.Id);
        var table = new Table().AddColumns(named ? ["ID", "NAME", "STATE", "PROVIDER", "REPOSITORY", "BRANCH", "CREATED"] : ["NAME", "STATE", "PROVIDER", "REPOSITORY", "BRANCH", "CREATED"]);
        foreach (var g in result.Gitspaces)
        {
            string[] cells = [Markup.Escape(CliOutput.Describe(g)), g.Provider, Markup.Escape(g.Repository.Url), Markup.Escape(g.Repository.Branch ?? string.Empty), g.CreatedAt.ToLocalTime().ToString("g", CultureInfo.InvariantCulture)];
            table.AddRow(named ? [Markup.Escape(g.Id), Markup.Escape(g.Name), .. cells] : [Markup.Escape(g.Id), .. cells]);
        }

        AnsiConsole.Write(table);
    }

    private static Command List()
    {
        var query = new Option<string?>("--query", "-q") { Description = "Only gitspaces whose id or name contains this text." };
        var states = new Option<GitspaceState[]>("--state", "-s") { Description = "Only gitspaces in this state (repeatable): running, stopped, error, uninitialized, starting, stopping, cleaning.", AllowMultipleArgumentsPerToken = false };
        var owner = new Option<string?>("--owner") { Description = "self (default) or all: every gitspace you may see on a shared control plane, or every state home's on a shared Docker engine." };
        var all = new Option<bool>("--all", "-a") { Description = "The same as --owner all: other users' gitspaces too (other GITSPACES_HOMEs on the same Docker engine)." };
        var sort = new Option<string?>("--sort") { Description = "created (default) or lastUsed; newest first." };
        var command = new Command("list", "List gitspaces (yours: those this GITSPACES_HOME made; --all for every one).") { ProviderOption, query, states, owner, all, sort, JsonOption };
        command.Aliases.Add("ls");
        command.SetAction((parse, ct) => ListAsync(
            new ListGitspacesParams
            {
                Provider = parse.GetValue(ProviderOption),
                Query = parse.GetValue(query),
                States = parse.GetValue(states) is { Length: > 0 } given ? given : null,
                Owner = parse.GetValue(all) ? GitspaceOwner.All : parse.GetValue(owner),
                Sort = parse.GetValue(sort),
            },
            parse.GetValue(JsonOption),
            ct));
        return command;
    }

    /// <summary>Runs <c>gitspaces list</c>: what the fast path of <see cref="ListArguments"/> calls.</summary>
    /// <param name="provider">Only this provider's gitspaces, or all.</param>
    /// <param name="json">Print one JSON object instead of lines or a table.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The exit code.</returns>
    internal static Task<int> ListAsync(string? provider, bool json, CancellationToken cancellationToken) =>
        ListAsync(new ListGitspacesParams { Provider = provider }, json, cancellationToken);

    /// <summary>Runs <c>gitspaces list</c> with its filters.</summary>
    /// <param name="request">The provider and the filters.</param>
    /// <param name="json">Print one JSON object instead of lines or a table.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The exit code.</returns>
    internal static Task<int> ListAsync(ListGitspacesParams request, bool json, CancellationToken cancellationToken) => RunAsync(json, false, async (service, output) =>
    {
        var result = await service.ListMatchingAsync(request, cancellationToken);
        if (json)
        {
            CliOutput.WriteStdout(CliOutput.ToJson(result, CliJsonContext.Default.ListGitspacesResult) + "\n");
            return 0;
        }

        if (output.Interactive)
        {
            WriteTable(result);
        }
        else
        {
            // One write for the whole list: Console.Out writes every line, and a list may have hundreds.
            var lines = new StringBuilder();
            foreach (var g in result.Gitspaces)
            {
                lines.Append(CultureInfo.InvariantCulture, $"{g.Id}\t{CliOutput.Describe(g)}\t{g.Provider}\t{g.Repository.Url}\t{g.Repository.Branch}\t{g.Name}\n");
            }

            CliOutput.WriteStdout(lines.ToString());
        }

        foreach (var problem in result.Problems ?? [])
        {
            Console.Error.WriteLine($"warning: {problem.Provider}: {problem.Message}");
        }

        return 0;
    });

    private static Command Get()
    {
        var id = new Argument<string>("gitspace") { Description = "The gitspace's name." };
        var command = new Command("get", "Show one gitspace.") { id, JsonOption };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(JsonOption), false, async (service, output) =>
        {
            var gitspace = await service.GetAsync(parse.GetValue(id)!, ct);
            if (parse.GetValue(JsonOption))
            {
                // `get` succeeded even when the gitspace it shows is in error: the JSON line says so, the exit code does not.
                output.Success(gitspace, string.Empty);
                return 0;
            }

            Console.Out.WriteLine($"name:        {gitspace.Id}{(gitspace.Name != gitspace.Id ? $" ({gitspace.Name})" : string.Empty)}");
            Console.Out.WriteLine($"state:       {CliOutput.Describe(gitspace)}");
            Console.Out.WriteLine($"provider:    {gitspace.Provider}");
            Console.Out.WriteLine($"repository:  {gitspace.Repository.Url} ({gitspace.Repository.Branch ?? "default branch"}{(gitspace.Repository.Commit is { } c ? " @ " + c[..Math.Min(12, c.Length)] : string.Empty)})");
            Console.Out.WriteLine($"config:      {gitspace.DevcontainerPath ?? "-"}");
            Console.Out.WriteLine($"ide:         {gitspace.Ide}");
            Console.Out.WriteLine($"image:       {gitspace.Image ?? "-"}");
            if (gitspace.SshKeyId is { } key)
            {
                Console.Out.WriteLine($"ssh key:     {key}");
            }

            Console.Out.WriteLine($"workspace:   {gitspace.WorkspaceFolder ?? "-"} (as {gitspace.RemoteUser ?? "-"})");
            Console.Out.WriteLine($"ssh host:    {gitspace.SshHost ?? "-"}");
            Console.Out.WriteLine($"created:     {gitspace.CreatedAt:O}");
            if (gitspace.ErrorMessage is { } error)
            {
                Console.Out.WriteLine($"error:       {error}");
            }

            return 0;
        }));
        return command;
    }

    private static Command Update()
    {
        var id = new Argument<string>("gitspace") { Description = "The gitspace's name." };
        var name = new Option<string?>("--name", "-n") { Description = "A new display name (providers with display names; the id stays)." };
        var ide = new Option<string?>("--ide") { Description = $"A new IDE: {IdeNames.Help}." };
        var sshKey = new Option<string?>("--ssh-key") { Description = "An SSH key you registered with the provider, to log in with from the next start." };
        var command = new Command("update", "Change a gitspace's display name, IDE, machine or SSH key (Harness: while it is stopped; the next start applies them), or its idle timeout (--auto-stop, at once).") { id, name, ide, MachineOption, RegionOption, sshKey, AutoStopOption, JsonOption, VerboseOption };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(JsonOption), parse.GetValue(VerboseOption), async (service, output) =>
        {
            using var subscription = service.Subscribe(output);
            var gitspace = await service.UpdateAsync(
                new UpdateGitspaceParams
                {
                    Id = parse.GetValue(id)!,
                    Name = parse.GetValue(name),
                    Ide = parse.GetValue(ide),
                    Resource = Resource(parse),
                    SshKeyId = parse.GetValue(sshKey),
                    AutoStopSeconds = AutoStop(parse),
                },
                output,
                ct);
            return output.Success(gitspace, "updated");
        }));
        return command;
    }

    /// <summary>Returns the idle timeout <c>--auto-stop</c> gives, in seconds, or <see langword="null"/> when absent.</summary>
    private static int? AutoStop(ParseResult parse)
    {
        var text = parse.GetValue(AutoStopOption);
        if (text is null)
        {
            return null;
        }

        return IdleTimeout.TryParse(text, out var seconds)
            ? seconds
            : throw GitspaceException.InvalidParams("$.autoStopSeconds", $"Invalid params: --auto-stop '{text}' is not a duration (30m, 2h, 90s, 0 or never).");
    }

    /// <summary>Returns the machine the options of a command name, or <see langword="null"/> when none was given.</summary>
    private static ResourceSpec? Resource(ParseResult parse)
    {
        var machine = parse.GetValue(MachineOption);
        var region = parse.GetValue(RegionOption);
        var infra = parse.CommandResult.Command.Options.Contains(InfraOption) ? parse.GetValue(InfraOption) : null;
        return machine is null && region is null && infra is null ? null : new ResourceSpec { MachineType = machine, Region = region, InfraProvider = infra };
    }

    private static Command Operation(string verb, string description, string pastTense, Func<GitspaceService, string, CliOutput, CancellationToken, Task<Gitspace>> operation, Func<GitspaceService, string, CliOutput, CancellationToken, Task<Gitspace>>? trusting = null)
    {
        var id = new Argument<string>("gitspace") { Description = "The gitspace's name." };
        var command = new Command(verb, description) { id, JsonOption, VerboseOption };
        if (trusting is not null)
        {
            command.Options.Add(TrustOption);
        }

        command.SetAction((parse, ct) => RunAsync(parse.GetValue(JsonOption), parse.GetValue(VerboseOption), async (service, output) =>
        {
            using var subscription = service.Subscribe(output);
            var gitspace = await (trusting is not null && parse.GetValue(TrustOption) ? trusting : operation)(service, parse.GetValue(id)!, output, ct);
            await service.DrainBackgroundWorkAsync(gitspace.Id, $"The {verb} was cancelled.", ct);

            // The readiness the lifecycle commands left, not the one at waitFor: a failed postStart fails `start`.
            return output.Success(await service.GetAsync(gitspace.Id, ct), pastTense);
        }));
        return command;
    }

    private static Command Delete()
    {
        var id = new Argument<string>("gitspace") { Description = "The gitspace's name." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation." };
        var command = new Command("delete", "Delete a gitspace: its container, its workspace volume with any uncommitted work, its keys and history.") { id, yes, JsonOption, VerboseOption };
        command.Aliases.Add("rm");
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(JsonOption), parse.GetValue(VerboseOption), async (service, output) =>
        {
            var name = parse.GetValue(id)!;
            if (!parse.GetValue(yes))
            {
                if (Console.IsInputRedirected || parse.GetValue(JsonOption))
                {
                    throw new GitspaceException(ErrorCodes.InvalidParams, $"Deleting '{name}' destroys its workspace files; pass --yes to confirm.");
                }

                Console.Out.Write($"Delete gitspace '{name}' and its workspace files (uncommitted work is lost)? [y/N] ");
                if (!string.Equals(Console.ReadLine()?.Trim(), "y", StringComparison.OrdinalIgnoreCase))
                {
                    Console.Out.WriteLine("kept");
                    return 1;
                }
            }

            using var subscription = service.Subscribe(output);
            var gitspace = await service.GetAsync(name, ct);
            await service.DeleteAsync(name, output, ct);
            return output.Success(gitspace with { State = GitspaceState.Deleted, Readiness = null }, "deleted");
        }));
        return command;
    }

    private static Command Logs()
    {
        var id = new Argument<string>("gitspace") { Description = "The gitspace's name." };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new lines until Ctrl+C." };
        var from = new Option<long>("--from") { Description = "The first line to print (0-based).", DefaultValueFactory = _ => 0 };
        var command = new Command("logs", "Print a gitspace's log.") { id, follow, from, JsonOption };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(JsonOption), false, async (service, output) =>
        {
            var name = parse.GetValue(id)!;
            var next = parse.GetValue(from);
            while (true)
            {
                var page = await service.GetLogsAsync(name, next, 1000, ct);
                foreach (var line in page.Lines)
                {
                    Console.Out.WriteLine(parse.GetValue(JsonOption) ? CliOutput.ToJson(line, CliJsonContext.Default.LogLine) : line.Line);
                }

                next = page.Next;
                if (page.Lines.Count == 1000)
                {
                    continue;
                }

                if (!parse.GetValue(follow))
                {
                    return 0;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            }
        }));
        return command;
    }

    private static Command Events()
    {
        var id = new Argument<string>("gitspace") { Description = "The gitspace's name." };
        var command = new Command("events", "Print a gitspace's event history.") { id, JsonOption };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(JsonOption), false, async (service, output) =>
        {
            var events = await service.GetEventsAsync(parse.GetValue(id)!, ct);
            if (parse.GetValue(JsonOption))
            {
                Console.Out.WriteLine(CliOutput.ToJson(new GitspaceEventsResult { Events = events }, CliJsonContext.Default.GitspaceEventsResult));
                return 0;
            }

            foreach (var e in events)
            {
                Console.Out.WriteLine($"{e.Timestamp.ToLocalTime():yyyy-MM-dd HH:mm:ss.fff}  {e.Type,-40} {e.Message}");
            }

            return 0;
        }));
        return command;
    }

    private static Command Providers()
    {
        var command = new Command("providers", "Show the providers and whether each is configured and reachable.") { JsonOption };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(JsonOption), false, async (service, output) =>
        {
            var providers = await service.ListProvidersAsync(check: true, ct);
            if (parse.GetValue(JsonOption))
            {
                Console.Out.WriteLine(CliOutput.ToJson(new ListProvidersResult { Providers = providers }, CliJsonContext.Default.ListProvidersResult));
                return 0;
            }

            foreach (var p in providers)
            {
                var status = !p.Configured ? "not configured" : p.Reachable ? "reachable" : "unreachable";
                Console.Out.WriteLine($"{p.Id,-8} {p.DisplayName,-24} {status,-15} {p.Endpoint} {p.Version}");
                if (p.Message is { } message)
                {
                    Console.Out.WriteLine($"         {message}");
                }
            }

            return 0;
        }));
        return command;
    }
}
