using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Features;

/// <summary>One Feature to install, in order: where it comes from, the user's value for it, and its definition.</summary>
/// <param name="Reference">The resolved id.</param>
/// <param name="UserValue">The value in <c>features</c> (or in a <c>dependsOn</c>): options object, version string or boolean.</param>
/// <param name="Definition">The Feature's devcontainer-feature.json.</param>
public sealed record FeatureInstallStep(FeatureReference Reference, JsonNode? UserValue, FeatureDefinition Definition)
{
    /// <summary>Gets the <c>devcontainer-features.env</c> lines for this step.</summary>
    public IReadOnlyList<string> EnvironmentLines => FeatureOptions.EnvironmentLines(this.Definition, this.UserValue);
}
