using System.Text.Json;
using Gitspaces.Protocol;

namespace Gitspaces.Server.Rpc;

/// <summary>
/// Compiles the code of an editor's first request — binding <c>initialize</c>'s params and serializing its result —
/// on another core while the main thread builds the connection. ReadyToRun cannot precompile the serializer's generic
/// code over our records, so without this the first request pays for it on the critical path.
/// </summary>
internal static class StartupWarmUp
{
    private static readonly byte[] SampleParams = """{"processId":1,"clientInfo":{"name":"warm-up","version":"0"},"capabilities":{}}"""u8.ToArray();

    /// <summary>Runs the first request's serialization once, on throwaway data and options of its own.</summary>
    public static void Run()
    {
        try
        {
            using var document = JsonDocument.Parse(SampleParams);
            _ = ParamsBinder.Bind(document.RootElement, GitspacesJsonContext.Default.InitializeParams);
            _ = JsonSerializer.SerializeToUtf8Bytes(GitspacesRpcTarget.CreateInitializeResult(), RpcSerialization.CreateOptions());
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            // Only speed is at stake: the real request reports any problem itself.
        }
    }
}
