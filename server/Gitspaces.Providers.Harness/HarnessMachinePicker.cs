using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using Gitspaces.Providers.Harness.Api;

namespace Gitspaces.Providers.Harness;

/// <summary>
/// Chooses the machine type (Harness resource) for a new gitspace from <see cref="ResourceSpec"/>, among what the
/// account allows (<see cref="HarnessAccountOptions"/>): the infra provider picks hosted or self-hosted infrastructure,
/// the machine type and region narrow it; what is not given defaults to the first offer, as the Harness UI does.
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

        var offered = (await HarnessAccountOptions.ReadAsync(client, cancellationToken)).Machines;
        if (offered.Count == 0 && client.Connection.Flavour == HarnessFlavour.Oss && spec?.InfraProvider is null)
        {
            // The open-source server creates its docker infrastructure "default" with resource "default" on first use.
            return new HarnessInfraResource { Identifier = spec?.MachineType ?? OssDefault, ConfigIdentifier = OssDefault };
        }

        return ToResource(Pick(offered, spec, "$.resource"));
    }

    /// <summary>Picks among offers; every part of <paramref name="spec"/> that is given must match.</summary>
    /// <param name="offered">What the account allows.</param>
    /// <param name="spec">What was asked.</param>
    /// <param name="field">The params field, for errors.</param>
    /// <returns>The first matching offer.</returns>
    public static MachineOption Pick(IReadOnlyList<MachineOption> offered, ResourceSpec? spec, string field)
    {
        var candidates = spec?.InfraProvider is { } wanted ? offered.Where(m => m.InfraProvider == wanted).ToList() : [.. offered];
        if (candidates.Count == 0)
        {
            throw GitspaceException.InvalidParams(field + ".infraProvider", $"Invalid params: the account offers no machines on infra provider '{spec?.InfraProvider}'; it has: {Names(offered.Select(m => m.InfraProvider).Distinct())}.");
        }

        var matching = candidates
            .Where(m => spec?.MachineType is not { } machine || m.MachineType == machine || string.Equals(m.Name, machine, StringComparison.OrdinalIgnoreCase))
            .Where(m => spec?.Region is not { } region || string.Equals(m.Region, region, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return matching.FirstOrDefault() ?? throw GitspaceException.InvalidParams(
            spec?.MachineType is not null ? field + ".machineType" : field + ".region",
            $"Invalid params: no machine type matches{(spec?.MachineType is { } m ? $" '{m}'" : string.Empty)}{(spec?.Region is { } r ? $" in region '{r}'" : string.Empty)}; the control plane offers: {Names(offered.Select(o => $"{o.MachineType} ({o.Region ?? "any region"})"))}.");
    }

    private static HarnessInfraResource ToResource(MachineOption machine) =>
        new() { Identifier = machine.MachineType, ConfigIdentifier = machine.InfraProvider, Region = machine.Region };

    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
