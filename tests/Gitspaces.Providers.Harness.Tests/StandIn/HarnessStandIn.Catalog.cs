using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Gitspaces.Providers.Harness.Tests.StandIn;

/// <summary>The stand-in's catalog: infrastructure, machines and repositories.</summary>
internal sealed partial class HarnessStandIn
{
    private static async Task LookupRepoAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))?.AsObject();
        var url = body?["url"]?.GetValue<string>() ?? string.Empty;
        if (!url.StartsWith("http://", StringComparison.Ordinal) && !url.StartsWith("https://", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 400, "Invalid repository URL: the scheme must be http or https");
            return;
        }

        if (url.Contains("missing", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 400, "Could not find repository");
            return;
        }

        await WriteJsonAsync(context, 200, new JsonObject { ["url"] = url, ["branch"] = "trunk", ["is_private"] = false });
    }

    private static async Task InfraCdeAsync(HttpContext context, string[] rest)
    {
        switch (rest)
        {
            case []:
                await WriteJsonAsync(context, 200, new JsonArray(
                    new JsonObject { ["identifier"] = "harness-hosted", ["name"] = "Harness Cloud", ["type"] = "harness_gcp", ["space_path"] = Account },
                    new JsonObject { ["identifier"] = "my-aws", ["name"] = "Self-hosted AWS", ["type"] = "hybrid_vm_aws", ["space_path"] = Account }));
                return;
            case ["harness-hosted", "resources"]:
                await WriteJsonAsync(context, 200, new JsonArray(
                    Machine("standard", "Standard", "harness-hosted", "2", "8GB", "us-west"),
                    Machine("large", "Large", "harness-hosted", "4", "16GB", "us-west"),
                    Machine("standard-east", "Standard", "harness-hosted", "2", "8GB", "us-east")));
                return;
            case ["my-aws", "resources"]:
                await WriteJsonAsync(context, 200, new JsonArray(Machine("m5-xlarge", "m5.xlarge", "my-aws", "4", "16GB", "eu-west-1")));
                return;
            default:
                await ErrorAsync(context, 404, "infra provider not found");
                return;
        }
    }

    private static JsonObject Machine(string id, string name, string config, string cpu, string memory, string region) => new()
    {
        ["identifier"] = id,
        ["name"] = name,
        ["config_identifier"] = config,
        ["cpu"] = cpu,
        ["memory"] = memory,
        ["disk"] = "30GB",
        ["network"] = "standard",
        ["region"] = region,
        ["infra_provider_type"] = config == "my-aws" ? "hybrid_vm_aws" : "harness_gcp",
    };

    private static JsonObject OssDefaultInfra() => new()
    {
        ["identifier"] = "default",
        ["name"] = "default docker infrastructure",
        ["type"] = "docker",
        ["space_path"] = Space,
        ["resources"] = new JsonArray(new JsonObject
        {
            ["identifier"] = "default",
            ["name"] = "Standard Docker Resource",
            ["config_identifier"] = "default",
            ["cpu"] = "any",
            ["memory"] = "any",
            ["disk"] = "any",
            ["network"] = "standard",
            ["infra_provider_type"] = "docker",
        }),
    };
}
