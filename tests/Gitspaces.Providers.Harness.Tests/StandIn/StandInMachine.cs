using System.Text.Json.Nodes;

namespace Gitspaces.Providers.Harness.Tests.StandIn;

/// <summary>One machine type of the stand-in: an <c>InfraProviderResource</c> (<c>types/infra_provider.go</c>).</summary>
internal sealed record StandInMachine(string Infra, string Id, string Name, string Cpu, string Memory, string Disk, string? Region, string InfraType)
{
    public JsonObject ToJson() => new()
    {
        ["identifier"] = this.Id,
        ["name"] = this.Name,
        ["config_identifier"] = this.Infra,
        ["cpu"] = this.Cpu,
        ["memory"] = this.Memory,
        ["disk"] = this.Disk,
        ["network"] = "standard",
        ["region"] = this.Region,
        ["infra_provider_type"] = this.InfraType,
    };
}
