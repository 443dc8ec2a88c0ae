using System.CommandLine;
using System.Globalization;
using Gitspaces.Core.State;

namespace Gitspaces.Server.Cli;

/// <summary>
/// <c>gitspaces trust list|add|revoke</c>: the repositories whose configuration may reach this machine (host mounts,
/// privileges, <c>initializeCommand</c>). <c>up --trust</c> and an editor's consent add to the same list (docs/security.md).
/// </summary>
internal static class TrustCommands
{
    public static void AddTo(RootCommand root, CommandSelection selection)
    {
        if (!selection.Wants("trust"))
        {
            return;
        }

        var trust = new Command("trust", "List, add or revoke the repositories you trust to reach this machine (host mounts, privileges, initializeCommand).");
        var list = new Command("list", "List the trusted repositories.");
        list.SetAction(_ =>
        {
            var entries = new TrustStore(StatePaths.FromEnvironment()).List();
            if (entries.Count == 0)
            {
                Console.Out.WriteLine("No repository is trusted. Local folders are always trusted; `gitspaces up <url> --trust` trusts a repository.");
            }

            foreach (var (repository, at) in entries)
            {
                Console.Out.WriteLine($"{repository}  (since {at.ToLocalTime().ToString("g", CultureInfo.InvariantCulture)})");
            }

            return 0;
        });
        var addRepository = new Argument<string>("repository") { Description = "The repository's clone URL." };
        var add = new Command("add", "Trust a repository: its configuration may reach this machine from now on.") { addRepository };
        add.SetAction(parse =>
        {
            var key = new TrustStore(StatePaths.FromEnvironment()).Trust(parse.GetValue(addRepository)!);
            Console.Out.WriteLine($"trusted: {key}");
            return 0;
        });
        var revokeRepository = new Argument<string>("repository") { Description = "The repository, as `gitspaces trust list` shows it or as you cloned it." };
        var revoke = new Command("revoke", "Stop trusting a repository; its gitspaces keep running, and the next create or rebuild asks again.") { revokeRepository };
        revoke.SetAction(parse =>
        {
            var repository = parse.GetValue(revokeRepository)!;
            if (new TrustStore(StatePaths.FromEnvironment()).Revoke(repository))
            {
                Console.Out.WriteLine($"revoked: {TrustStore.KeyOf(repository)}");
                return 0;
            }

            Console.Error.WriteLine($"error: {repository} is not trusted (see `gitspaces trust list`).");
            return 1;
        });
        trust.Subcommands.Add(list);
        trust.Subcommands.Add(add);
        trust.Subcommands.Add(revoke);
        root.Subcommands.Add(trust);
    }
}
