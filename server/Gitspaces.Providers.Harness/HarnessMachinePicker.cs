using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using Gitspaces.Providers.Harness.Api;

namespace Gitspaces.Providers.Harness;

/// <summary>
/// Chooses the machine type (Harness resource) for a new gitspace from <see cref="ResourceSpec"/>: the infra
/// provider picks hosted or self-hosted infrastructure, the machine type and region narrow it; what is not given
/// defaults to the first the control plane offers, as its own UI does.
/// </summary>
internal static class HarnessMachinePicker
{
    private const string OssDefault = "default";

    public static async Task<HarnessInfraResource> PickAsync(HarnessClient client, ResourceSpec? spec, CancellationToken cancellationToken)
    {
        if (spec is { InfraProvider: { } givenInfra, MachineType: { } givenMachine })
        {
            return new HarnessInfraResource { Identifier = givenMachine, ConfigIdentifier = givenInfra, Region = spec.Region };
        }

        var providers = await client.ListInfraProvidersAsync(cancellationToken);
        if (providers.Count == 0 && client.Connection.Flavour == HarnessFlavour.Oss && spec?.InfraProvider is null)
        {
            // The open-source server creates its docker infrastructure "default" with resource "default" on first use.
            return new HarnessInfraResource { Identifier = spec?.MachineType ?? OssDefault, ConfigIdentifier = OssDefault };
        }

        var candidates = spec?.InfraProvider is { } wanted ? providers.Where(p => p.Identifier == wanted).ToList() : [.. providers];
        if (candidates.Count == 0)
        {
            throw GitspaceException.InvalidParams("$.resource.infraProvider", $"Invalid params: the control plane has no infra provider '{spec?.InfraProvider}'; it has: {Names(providers.Select(p => p.Identifier))}.");
        }

        var offered = new List<HarnessInfraResource>();
        foreach (var provider in candidates)
        {
            var resources = provider.Resources is { Count: > 0 } embedded ? embedded : await client.ListInfraResourcesAsync(provider.Identifier, cancellationToken);
            offered.AddRange(resources.Select(r => r.ConfigIdentifier is null ? r with { ConfigIdentifier = provider.Identifier } : r));
        }

        var matching = offered
            .Where(r => spec?.MachineType is not { } machine || r.Identifier == machine || string.Equals(r.Name, machine, StringComparison.OrdinalIgnoreCase))
            .Where(r => spec?.Region is not { } region || string.Equals(r.Region, region, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return matching.FirstOrDefault() ?? throw GitspaceException.InvalidParams(
            spec?.MachineType is not null ? "$.resource.machineType" : "$.resource.region",
            $"Invalid params: no machine type matches{(spec?.MachineType is { } m ? $" '{m}'" : string.Empty)}{(spec?.Region is { } r ? $" in region '{r}'" : string.Empty)}; the control plane offers: {Names(offered.Select(o => $"{o.Identifier} ({o.Region ?? "any region"})"))}.");
    }

    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
