using Gitspaces.Protocol;
using Gitspaces.Providers.Harness.Api;

namespace Gitspaces.Providers.Harness;

/// <summary>
/// What a Harness account lets a new gitspace be. On the hosted API that is its <c>gitspace-settings</c>: the regions and
/// machine types on offer per infra provider type (<c>available_settings</c>) less what an admin denied, the IDE and
/// repository type allow or deny lists, and whether SSH is off (<c>types/gitspace_settings.go</c>; the web UI writes
/// deny lists, <c>adminSettingsUtils.ts</c>). Without settings it falls back to the infra providers and their machines.
/// The open-source server has no settings: every IDE, its own repository types, its Docker infrastructure.
/// </summary>
internal static class HarnessAccountOptions
{
    public static async Task<CreateOptionsResult> ReadAsync(HarnessClient client, CancellationToken cancellationToken)
    {
        if (client.Connection.Flavour == HarnessFlavour.Oss)
        {
            return new CreateOptionsResult
            {
                Ides = Ides.All,
                Machines = await ListInfrastructureAsync(client, cancellationToken),
                RepositoryTypes = HarnessRepoTypes.OpenSource,
                Ssh = true,

                // Its secret resolver knows only the temporary password (app/gitspace/secret/wire.go).
                SshKeys = false,
            };
        }

        var settings = await client.GetSettingsAsync(cancellationToken);
        var config = settings.Settings?.GitspaceConfig;
        var sshOff = config?.Ide?.DisableSsh ?? false;
        var ides = Ides.All.Where(ide => config?.Ide?.AccessList?.Allows(ide) ?? true).Where(ide => !sshOff || ide == Ides.VsCodeWeb).ToList();
        var repoTypes = HarnessRepoTypes.All.Where(type => type != HarnessRepoTypes.Gitness && (config?.Scm?.AccessList?.Allows(type) ?? true)).ToList();
        var machines = settings.AvailableSettings?.InfraProviderResources is { Count: > 0 } available
            ? FromSettings(available, settings.Settings?.InfraProvider)
            : await ListInfrastructureAsync(client, cancellationToken);
        return new CreateOptionsResult { Ides = ides, Machines = machines, RepositoryTypes = repoTypes, Ssh = !sshOff, SshKeys = !sshOff };
    }

    /// <summary>Returns <c>hosted</c> for Harness's own machines and <c>self-hosted</c> for the account's (<c>EnumInfraProviderType</c>).</summary>
    public static string? Hosting(string? infraProviderType) => infraProviderType switch
    {
        "harness_gcp" or "harness_cloud" => "hosted",
        "hybrid_vm_gcp" or "hybrid_vm_aws" or "docker" => "self-hosted",
        _ => null,
    };

    private static List<MachineOption> FromSettings(IReadOnlyDictionary<string, IReadOnlyList<HarnessRegionMachines>> available, IReadOnlyDictionary<string, HarnessInfraProviderSettings>? perType)
    {
        var machines = new List<MachineOption>();
        foreach (var (type, regions) in available)
        {
            var allowed = perType?.GetValueOrDefault(type);
            foreach (var region in regions)
            {
                foreach (var machine in region.MachineTypes ?? [])
                {
                    if (machine.ConfigIdentifier is not { Length: > 0 } infra || !(allowed?.AccessList?.Allows(machine.Identifier) ?? true))
                    {
                        continue;
                    }

                    machines.Add(ToOption(machine, infra, machine.ConfigName, machine.InfraProviderType ?? type, region.Region ?? machine.Region, region.RegionDisplayName, allowed?.AutoStoppingTimeInMins));
                }
            }
        }

        return machines;
    }

    private static async Task<List<MachineOption>> ListInfrastructureAsync(HarnessClient client, CancellationToken cancellationToken)
    {
        var machines = new List<MachineOption>();
        foreach (var provider in await client.ListInfraProvidersAsync(cancellationToken))
        {
            var resources = provider.Resources is { Count: > 0 } embedded ? embedded : await client.ListInfraResourcesAsync(provider.Identifier, cancellationToken);
            machines.AddRange(resources.Select(r => ToOption(r, r.ConfigIdentifier ?? provider.Identifier, provider.Name, r.InfraProviderType ?? provider.Type, r.Region, null, null)));
        }

        return machines;
    }

    private static MachineOption ToOption(HarnessInfraResource machine, string infra, string? infraName, string? infraType, string? region, string? regionName, int? autoStop) => new()
    {
        InfraProvider = infra,
        InfraProviderName = string.IsNullOrEmpty(infraName) ? null : infraName,
        Hosting = Hosting(infraType),
        MachineType = machine.Identifier,
        Name = string.IsNullOrEmpty(machine.Name) ? null : machine.Name,
        Region = string.IsNullOrEmpty(region) ? null : region,
        RegionName = string.IsNullOrEmpty(regionName) ? null : regionName,
        Cpu = Size(machine.Cpu),
        Memory = Size(machine.Memory),
        Disk = Size(machine.Disk),
        AutoStopMinutes = autoStop,
    };

    private static string? Size(string? value) => string.IsNullOrEmpty(value) || value == "any" ? null : value;
}
