using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gitspaces.DevContainers.Tests.Differential;

/// <summary>Our reader and the reference CLI read the same folders: configuration and workspace must print the same, failures must be failures.</summary>
public sealed class DifferentialTests(ReferenceOutputs reference) : IClassFixture<ReferenceOutputs>
{
    private static readonly JsonSerializerOptions Print = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> Cases() => [.. DifferentialCase.Names()];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ReadsLikeTheReferenceCli(string name)
    {
        var (testCase, expected, referenceErrors) = reference[name];
        var ours = await DevContainerReader.ReadAsync(
            testCase.WorkspaceFolder,
            testCase.ConfigPath,
            new DevContainerReadOptions { LocalEnvironment = testCase.Environment });

        if (expected is null)
        {
            Assert.True(ours.Configuration is null, $"The reference failed ({LastLine(referenceErrors)}) but we read: {ours.Configuration?.ToJsonString(Print)}");
            Assert.Contains(ours.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            return;
        }

        Assert.True(ours.Configuration is not null, $"The reference read it but we failed: {string.Join("; ", ours.Diagnostics)}");
        Assert.Equal(expected["configuration"]!.ToJsonString(Print), ours.Configuration!.ToJsonString(Print));
        Assert.Equal(expected["workspace"]!.ToJsonString(Print), ours.Workspace!.Json.ToJsonString(Print));
    }

    private static string LastLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("Error", StringComparison.Ordinal)).FirstOrDefault() ?? text.Trim();
}
