using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gitspaces.Protocol;
using StreamJsonRpc;

namespace Gitspaces.Server.Rpc;

/// <summary>The serializer settings of the wire: the protocol's source-generated context, camelCase.</summary>
internal static class RpcSerialization
{
    /// <summary>Creates StreamJsonRpc's formatter over <see cref="CreateOptions"/>.</summary>
    /// <returns>A new formatter.</returns>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Every type on the wire has source-generated metadata in GitspacesJsonContext, and the formatter adds its own for the envelope; StreamJsonRpc's NativeAOT guide.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Every type on the wire has source-generated metadata in GitspacesJsonContext, and the formatter adds its own for the envelope; StreamJsonRpc's NativeAOT guide.")]
    public static SystemTextJsonFormatter CreateFormatter() => new() { JsonSerializerOptions = CreateOptions() };

    /// <summary>Creates the options StreamJsonRpc's formatter serializes with.</summary>
    /// <returns>A new, unlocked options instance.</returns>
    public static JsonSerializerOptions CreateOptions() => new(GitspacesJsonContext.Default.Options)
    {
        // Only source-generated metadata, plus StreamJsonRpc's request id built from the converter the formatter adds:
        // nothing is left for reflection, so the Native AOT program serializes what the JIT one does.
        TypeInfoResolver = JsonTypeInfoResolver.Combine(GitspacesJsonContext.Default, new EnvelopeTypeResolver()),

        // A devcontainer.json may nest 64 levels and the result wraps it in more.
        MaxDepth = 256,
    };
}
