using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Tests.Differential;

/// <summary>Prepares every differential fixture and runs the reference CLI on all of them once, a few at a time.</summary>
public sealed class ReferenceOutputs : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, (DifferentialCase Case, JsonObject? Output, string Errors)> results = new(StringComparer.Ordinal);

    internal (DifferentialCase Case, JsonObject? Output, string Errors) this[string name] => this.results[name];

    public async Task InitializeAsync()
    {
        var tempRoot = DifferentialCase.NewTempRoot();
        var cases = DifferentialCase.Names().Select(name => DifferentialCase.Prepare(name, tempRoot)).ToList();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (testCase, _) =>
        {
            var (output, errors) = await ReferenceCli.ReadConfigurationAsync(testCase.WorkspaceFolder, testCase.ConfigPath, testCase.Environment);
            this.results[testCase.Name] = (testCase, output, errors);
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
