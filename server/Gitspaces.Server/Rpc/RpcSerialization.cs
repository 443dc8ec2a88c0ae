using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gitspaces.Protocol;

namespace Gitspaces.Server.Rpc;

/// <summary>The serializer settings of the wire: the protocol's source-generated context, camelCase.</summary>
internal static class RpcSerialization
{
    /// <summary>Creates the options StreamJsonRpc's formatter serializes with.</summary>
    /// <returns>A new, unlocked options instance.</returns>
    public static JsonSerializerOptions CreateOptions() => new(GitspacesJsonContext.Default.Options)
    {
        // StreamJsonRpc's own envelope types are not in our context; reflection covers them.
        TypeInfoResolver = JsonTypeInfoResolver.Combine(GitspacesJsonContext.Default, new DefaultJsonTypeInfoResolver()),

        // A devcontainer.json may nest 64 levels and the result wraps it in more.
        MaxDepth = 256,
    };
}
