using System.Text.Json.Serialization;

namespace Gitspaces.Providers.Harness.Api;

/// <summary>The source-generated serializer of the Harness wire format: snake_case names, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(HarnessGitspaceConfig))]
[JsonSerializable(typeof(List<HarnessGitspaceConfig>))]
[JsonSerializable(typeof(List<HarnessEvent>))]
[JsonSerializable(typeof(HarnessLogLine))]
[JsonSerializable(typeof(HarnessCreateGitspaceRequest))]
[JsonSerializable(typeof(HarnessActionRequest))]
[JsonSerializable(typeof(HarnessLookupRepoRequest))]
[JsonSerializable(typeof(HarnessRepository))]
[JsonSerializable(typeof(HarnessGitspaceToken))]
[JsonSerializable(typeof(HarnessInfraProvider))]
[JsonSerializable(typeof(List<HarnessInfraProvider>))]
[JsonSerializable(typeof(List<HarnessInfraResource>))]
[JsonSerializable(typeof(HarnessErrorBody))]
[JsonSerializable(typeof(HarnessUpdateGitspaceRequest))]
[JsonSerializable(typeof(HarnessGitspaceSettings))]
[JsonSerializable(typeof(HarnessRepoListing))]
[JsonSerializable(typeof(HarnessBranchListing))]
[JsonSerializable(typeof(string))]
internal sealed partial class HarnessJsonContext : JsonSerializerContext
{
}
