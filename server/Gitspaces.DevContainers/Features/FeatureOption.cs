using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Features;

/// <summary>One option a Feature declares (<c>options.&lt;name&gt;</c> of devcontainer-feature.json).</summary>
/// <param name="Name">The option's name.</param>
/// <param name="Type"><c>string</c> or <c>boolean</c>.</param>
/// <param name="Default">The default value.</param>
/// <param name="Enum">The only allowed values (strict), if any.</param>
/// <param name="Proposals">Suggested values, if any.</param>
/// <param name="Description">What the option does.</param>
public sealed record FeatureOption(string Name, string? Type, JsonNode? Default, IReadOnlyList<string>? Enum, IReadOnlyList<string>? Proposals, string? Description)
{
    /// <summary>Gets the environment variable the option is exported as (the reference's <c>getSafeId</c>).</summary>
    public string EnvironmentName => FeatureOptions.SafeId(this.Name);
}
