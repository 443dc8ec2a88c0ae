using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gitspaces.Protocol;

/// <summary>
/// The source-generated serializer context of the protocol: camelCase names, nulls omitted, enums as their
/// wire strings. Every record of the contract is registered here, so nothing on the wire is reflected at run time.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(ErrorData))]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(InitializedParams))]
[JsonSerializable(typeof(ShutdownParams))]
[JsonSerializable(typeof(ShutdownResult))]
[JsonSerializable(typeof(ExitParams))]
[JsonSerializable(typeof(DevcontainerReadParams))]
[JsonSerializable(typeof(DevcontainerReadResult))]
[JsonSerializable(typeof(ListGitspacesParams))]
[JsonSerializable(typeof(ListGitspacesResult))]
[JsonSerializable(typeof(GetGitspaceParams))]
[JsonSerializable(typeof(GetGitspaceResult))]
[JsonSerializable(typeof(CreateGitspaceParams))]
[JsonSerializable(typeof(CreateGitspaceResult))]
[JsonSerializable(typeof(StartGitspaceParams))]
[JsonSerializable(typeof(StartGitspaceResult))]
[JsonSerializable(typeof(StopGitspaceParams))]
[JsonSerializable(typeof(StopGitspaceResult))]
[JsonSerializable(typeof(RebuildGitspaceParams))]
[JsonSerializable(typeof(RebuildGitspaceResult))]
[JsonSerializable(typeof(DeleteGitspaceParams))]
[JsonSerializable(typeof(DeleteGitspaceResult))]
[JsonSerializable(typeof(GitspaceEventsParams))]
[JsonSerializable(typeof(GitspaceEventsResult))]
[JsonSerializable(typeof(GitspaceLogsParams))]
[JsonSerializable(typeof(GitspaceLogsResult))]
[JsonSerializable(typeof(ConnectParams))]
[JsonSerializable(typeof(ConnectResult))]
[JsonSerializable(typeof(UpdateGitspaceParams))]
[JsonSerializable(typeof(UpdateGitspaceResult))]
[JsonSerializable(typeof(CreateOptionsParams))]
[JsonSerializable(typeof(CreateOptionsResult))]
[JsonSerializable(typeof(ListReposParams))]
[JsonSerializable(typeof(ListReposResult))]
[JsonSerializable(typeof(ListBranchesParams))]
[JsonSerializable(typeof(ListBranchesResult))]
[JsonSerializable(typeof(ListProvidersParams))]
[JsonSerializable(typeof(ListProvidersResult))]
[JsonSerializable(typeof(ConfigureProviderParams))]
[JsonSerializable(typeof(ConfigureProviderResult))]
[JsonSerializable(typeof(ListSecretsParams))]
[JsonSerializable(typeof(ListSecretsResult))]
[JsonSerializable(typeof(SetSecretParams))]
[JsonSerializable(typeof(SetSecretResult))]
[JsonSerializable(typeof(DeleteSecretParams))]
[JsonSerializable(typeof(DeleteSecretResult))]
[JsonSerializable(typeof(DidChangeParams))]
[JsonSerializable(typeof(ListPortsParams))]
[JsonSerializable(typeof(ListPortsResult))]
[JsonSerializable(typeof(ForwardPortParams))]
[JsonSerializable(typeof(ForwardPortResult))]
[JsonSerializable(typeof(StopPortForwardParams))]
[JsonSerializable(typeof(StopPortForwardResult))]
[JsonSerializable(typeof(PortsChangedParams))]
[JsonSerializable(typeof(GitspaceEventParams))]
[JsonSerializable(typeof(GitspaceLogParams))]
[JsonSerializable(typeof(ProgressParams))]
[JsonSerializable(typeof(LogMessageParams))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class GitspacesJsonContext : JsonSerializerContext
{
}
