using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Gitspaces.Providers.Harness.Tests.StandIn;

/// <summary>The stand-in's catalog: infrastructure, machines and repositories.</summary>
internal sealed partial class HarnessStandIn
{
    /// <summary>
    /// Hosts of on-premises git servers the hosted account reaches through its own infrastructure, with their type
    /// (harness.md §6: GitHub Enterprise, GitLab and Bitbucket Server through customer-side infra). The last has a name
    /// that says nothing of its product: only the user can say what it is.
    /// </summary>
    private static readonly Dictionary<string, string> OnPremHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["github.acme.test"] = "github_enterprise",
        ["gitlab.acme.test"] = "gitlab_on_prem",
        ["bitbucket.acme.test"] = "bitbucket_server",
        ["scm.acme.test"] = "gitlab_on_prem",
    };

    /// <summary>
    /// <c>lookup-repo</c> (<c>app/api/controller/gitspace/lookup_repo.go</c>, <c>app/gitspace/scm/scm.go</c> CheckValidCodeRepo):
    /// an http(s) URL, then the SCM provider of the repository type answers its default branch. The open-source server
    /// has providers for <c>gitness</c> and <c>unknown</c> only (<c>scm_factory.go</c>; another type is an internal
    /// error); <c>unknown</c> clones anonymously, so a private repository fails; the hosted types need their own host.
    /// </summary>
    private async Task LookupRepoAsync(HttpContext context, bool hosted)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))?.AsObject();
        var url = body?["url"]?.GetValue<string>() ?? string.Empty;
        var type = body?["repo_type"]?.GetValue<string>() ?? string.Empty;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            await ErrorAsync(context, 400, "The URL is missing scheme, it must start with http or https");
            return;
        }

        if (this.RepoProblem(type, uri, hosted) is { } problem)
        {
            await ErrorAsync(context, problem.Status, problem.Message);
            return;
        }

        if (url.Contains("missing", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 400, "Could not find repository");
            return;
        }

        var own = type is "gitness" or "harness_code";
        await WriteJsonAsync(context, hosted ? 201 : 200, new JsonObject { ["url"] = url, ["branch"] = own ? "main" : "trunk", ["is_private"] = own || uri.AbsolutePath.Contains("private", StringComparison.Ordinal) });
    }

    /// <summary>Says why the control plane cannot read a repository as this type, or null when it can.</summary>
    private (int Status, string Message)? RepoProblem(string type, Uri uri, bool hosted)
    {
        var host = uri.Host.ToLowerInvariant();
        if (!hosted)
        {
            return type switch
            {
                "unknown" when uri.AbsolutePath.Contains("private", StringComparison.Ordinal) => (400, "Failed to access repository: authentication required"),
                "unknown" => null,
                "gitness" when uri.Authority == this.BaseAddress.Authority && uri.AbsolutePath.StartsWith("/git/" + Space + "/", StringComparison.Ordinal) => null,
                "gitness" => (404, "Repository not found"),
                _ => (500, "Internal error occurred"), // fmt.Errorf("unknown scm provider type: %s") is not a usererror
            };
        }

        var expected = host switch
        {
            "github.com" => "github",
            "gitlab.com" => "gitlab",
            "bitbucket.org" => "bitbucket",
            "git.harness.io" => "harness_code",
            _ => OnPremHosts.GetValueOrDefault(host),
        };
        return type switch
        {
            "unknown" when uri.AbsolutePath.Contains("private", StringComparison.Ordinal) || OnPremHosts.ContainsKey(host) => (400, "Failed to access repository: authentication required"),
            "unknown" => null,
            _ when type == expected => null,
            "github" or "gitlab" or "bitbucket" or "harness_code" or "github_enterprise" or "gitlab_on_prem" or "bitbucket_server" => (400, $"No {type} connector reaches {host}"),
            _ => (400, $"Invalid repository type: {type}"),
        };
    }

    /// <summary>The hosted account's infrastructure: Harness-hosted machines in two regions and a self-hosted AWS one (harness.md §5).</summary>
    private static readonly StandInMachine[] HostedMachines =
    [
        new("harness-hosted", "standard", "Standard", "2", "8GB", "30GB", "us-west", "harness_gcp"),
        new("harness-hosted", "large", "Large", "4", "16GB", "30GB", "us-west", "harness_gcp"),
        new("harness-hosted", "standard-east", "Standard", "2", "8GB", "30GB", "us-east", "harness_gcp"),
        new("my-aws", "m5-xlarge", "m5.xlarge", "4", "16GB", "30GB", "eu-west-1", "hybrid_vm_aws"),
    ];

    /// <summary>The open-source server's auto-created infrastructure (<c>create.go</c> autoCreateDefaultResource).</summary>
    private static readonly StandInMachine OssDefaultMachine = new("default", "default", "Standard Docker Resource", "any", "any", "any", null, "docker");

    private static StandInMachine? FindMachine(bool hosted, string infra, string id) =>
        hosted ? HostedMachines.FirstOrDefault(m => m.Infra == infra && m.Id == id) : infra == "default" && id == "default" ? OssDefaultMachine : null;

    private static async Task InfraCdeAsync(HttpContext context, string[] rest)
    {
        switch (rest)
        {
            case []:
                await WriteJsonAsync(context, 200, new JsonArray(
                    new JsonObject { ["identifier"] = "harness-hosted", ["name"] = "Harness Cloud", ["type"] = "harness_gcp", ["space_path"] = Account },
                    new JsonObject { ["identifier"] = "my-aws", ["name"] = "Self-hosted AWS", ["type"] = "hybrid_vm_aws", ["space_path"] = Account }));
                return;
            case [var infra, "resources"] when HostedMachines.Any(m => m.Infra == infra):
                await WriteJsonAsync(context, 200, new JsonArray([.. HostedMachines.Where(m => m.Infra == infra).Select(m => (JsonNode)m.ToJson())]));
                return;
            default:
                await ErrorAsync(context, 404, "infra provider not found");
                return;
        }
    }

    private static JsonObject OssDefaultInfra() => new()
    {
        ["identifier"] = "default",
        ["name"] = "default docker infrastructure",
        ["type"] = "docker",
        ["space_path"] = Space,
        ["resources"] = new JsonArray(OssDefaultMachine.ToJson()),
    };

    /// <summary>
    /// Gets the admin's part of the hosted account's gitspace settings (<c>TypesGitspaceSettingsData</c>, <c>types/gitspace_settings.go</c>):
    /// no restriction until a test sets one; the web UI writes deny lists (<c>adminSettingsUtils.ts</c>).
    /// </summary>
    public JsonObject AdminSettings { get; } = [];

    /// <summary>
    /// <c>GET /accounts/{a}/gitspace-settings</c> (the CDE spec, <c>findGitspaceSettings</c>): what the account could offer
    /// (regions and their machine types per infra provider type) and what the admin allowed of it.
    /// </summary>
    private async Task SettingsAsync(HttpContext context)
    {
        var available = new JsonObject();
        foreach (var type in HostedMachines.GroupBy(m => m.InfraType))
        {
            available[type.Key] = new JsonArray([.. type.GroupBy(m => m.Region).Select(region => (JsonNode)new JsonObject
            {
                ["region"] = region.Key,
                ["region_display_name"] = region.Key switch { "us-west" => "US West", "us-east" => "US East", var other => other },
                ["machine_types"] = new JsonArray([.. region.Select(m => (JsonNode)m.ToJson())]),
            })]);
        }

        JsonObject response;
        lock (this.gate)
        {
            response = new JsonObject
            {
                ["available_settings"] = new JsonObject { ["infra_provider_resources"] = available },
                ["settings"] = this.AdminSettings.DeepClone(),
                ["space_path"] = Account,
            };
        }

        await WriteJsonAsync(context, 200, response);
    }

    /// <summary>
    /// <c>list-repos</c> (the CDE spec, <c>listGitspaceRepos</c>): the repositories of a git provider the user connected by
    /// OAuth; <c>repo_type</c> and <c>search_term</c> are required. A generic git host has nothing to list.
    /// </summary>
    private static async Task ListReposAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (!query.ContainsKey("repo_type") || !query.ContainsKey("search_term"))
        {
            await ErrorAsync(context, 400, "repo_type and search_term are required");
            return;
        }

        var search = query["search_term"].ToString();
        var repositories = query["repo_type"].ToString() switch
        {
            "github" => new[] { ("acme/shop", "https://github.com/acme/shop.git", "main"), ("acme/api", "https://github.com/acme/api.git", "trunk"), ("acme/site", "https://github.com/acme/site.git", "main") },
            "harness_code" => [("app", "https://git.harness.io/acct1/org1/proj1/app.git", "main")],
            "unknown" => null,
            _ => [],
        };
        if (repositories is null)
        {
            await ErrorAsync(context, 400, "Listing repositories needs a git provider connected to the account");
            return;
        }

        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["repositories"] = new JsonArray([.. repositories
                .Where(r => r.Item1.Contains(search, StringComparison.OrdinalIgnoreCase))
                .Select(r => (JsonNode)new JsonObject { ["name"] = r.Item1, ["clone_url"] = r.Item2, ["default_branch"] = r.Item3 })]),
        });
    }

    private static readonly string[] Branches = ["main", "develop", "feature/login", "feature/search"];

    /// <summary><c>list-branches</c> (the CDE spec, <c>listGitspaceBranches</c>): <c>repo_type</c>, <c>repo_url</c> and <c>search_term</c> are required.</summary>
    private static async Task ListBranchesAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (!query.ContainsKey("repo_type") || !query.ContainsKey("repo_url") || !query.ContainsKey("search_term"))
        {
            await ErrorAsync(context, 400, "repo_type, repo_url and search_term are required");
            return;
        }

        if (query["repo_url"].ToString().Contains("missing", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 404, "Repository not found");
            return;
        }

        var search = query["search_term"].ToString();
        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["branches"] = new JsonArray([.. Branches
                .Where(b => b.Contains(search, StringComparison.OrdinalIgnoreCase))
                .Select(b => (JsonNode)new JsonObject { ["name"] = b })]),
        });
    }
}
