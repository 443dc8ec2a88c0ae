using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Features;
using Gitspaces.TestSupport;

namespace Gitspaces.DevContainers.Tests.Features;

/// <summary>Ordering with real local Features on disk, read by <see cref="FeatureDefinition.LoadAsync"/>.</summary>
public sealed class FeatureInstallOrderTests
{
    private readonly string workspace = TempDirectory.Create("feature-order");

    private string ConfigFile => Path.Combine(this.workspace, ".devcontainer", "devcontainer.json");

    [Fact]
    public async Task InstallsDependenciesFirstAndSortsEachRound()
    {
        this.Feature("a");
        this.Feature("b", dependsOn: """{ "./a": {} }""");
        this.Feature("c");

        Assert.Equal(["./a", "./c", "./b"], await this.OrderAsync(["./b", "./c"]));
    }

    [Fact]
    public async Task OverrideOrderCommitsOnlyTheHighestPriorityEachRound()
    {
        this.Feature("a");
        this.Feature("b", dependsOn: """{ "./a": {} }""");
        this.Feature("c");

        Assert.Equal(["./a", "./b", "./c"], await this.OrderAsync(["./b", "./c"], ["./a", "./b", "./c"]));
    }

    [Fact]
    public async Task InstallsAfterOrdersOnlyQueuedFeatures()
    {
        this.Feature("a", installsAfter: "[\"./z\", \"./b\"]");
        this.Feature("b");

        Assert.Equal(["./b", "./a"], await this.OrderAsync(["./a", "./b"]));
        Assert.Equal(["./a"], await this.OrderAsync(["./a"]));
    }

    [Fact]
    public async Task TheSameFeatureWithOtherOptionsIsInstalledAgain()
    {
        this.Feature("a");
        this.Feature("b", dependsOn: """{ "./a": { "x": "1" } }""");

        Assert.Equal(["./a", "./a", "./b"], await this.OrderAsync(["./a", "./b"]));
    }

    [Fact]
    public async Task ACycleFailsWithItsPath()
    {
        this.Feature("a", dependsOn: """{ "./b": {} }""");
        this.Feature("b", dependsOn: """{ "./a": {} }""");

        var error = await Assert.ThrowsAsync<FeatureOrderException>(() => this.OrderAsync(["./a"]));
        Assert.Equal(DiagnosticCodes.FeatureCycle, error.Code);
        Assert.Contains("Circular dependency", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInstallsAfterCycleFailsToo()
    {
        this.Feature("a", installsAfter: "[\"./b\"]");
        this.Feature("b", installsAfter: "[\"./a\"]");

        var error = await Assert.ThrowsAsync<FeatureOrderException>(() => this.OrderAsync(["./a", "./b"]));
        Assert.Equal(DiagnosticCodes.FeatureCycle, error.Code);
    }

    [Fact]
    public async Task AnOverrideEntryThatMatchesNothingFails()
    {
        this.Feature("a");
        var error = await Assert.ThrowsAsync<FeatureOrderException>(() => this.OrderAsync(["./a"], ["./missing"]));
        Assert.Equal(DiagnosticCodes.InvalidFeature, error.Code);
    }

    private void Feature(string name, string dependsOn = "{}", string installsAfter = "[]")
    {
        var folder = Path.Combine(this.workspace, ".devcontainer", name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "devcontainer-feature.json"), $$"""{ "id": "{{name}}", "version": "1.0.0", "dependsOn": {{dependsOn}}, "installsAfter": {{installsAfter}} }""");
    }

    private async Task<string[]> OrderAsync(string[] features, string[]? overrideOrder = null)
    {
        var steps = await FeatureInstallOrder.ComputeAsync(
            features.Select(f => KeyValuePair.Create(f, (JsonNode?)new JsonObject())),
            this.ConfigFile,
            this.workspace,
            (reference, ct) => FeatureDefinition.LoadAsync(reference.LocalPath!, ct),
            overrideOrder);
        return [.. steps.Select(s => s.Reference.UserId)];
    }
}
