using System.Text.Json;

namespace Gitspaces.Server.Rpc;

/// <summary>What to do with an incoming frame.</summary>
/// <param name="Action">Forward, ignore or reject.</param>
/// <param name="Code">The error code, when rejected.</param>
/// <param name="Message">The error message or the reason it was ignored.</param>
/// <param name="ReplyId">The id to answer with, when the request had a usable one.</param>
/// <param name="ExpectsResponse">Whether a forwarded message is a request that StreamJsonRpc will answer.</param>
internal readonly record struct FrameVerdict(FrameAction Action, int Code, string? Message, JsonElement? ReplyId, bool ExpectsResponse = false)
{
    /// <summary>Gets the JSON path of the offending member, for <c>data.field</c> of an InvalidParams answer.</summary>
    public string? Field { get; init; }

    public static FrameVerdict Forward => new(FrameAction.Forward, 0, null, null);

    public static FrameVerdict ForwardRequest => new(FrameAction.Forward, 0, null, null, ExpectsResponse: true);

    public static FrameVerdict Ignore(string reason) => new(FrameAction.Ignore, 0, reason, null);

    public static FrameVerdict Reject(int code, string message, JsonElement? replyId) => new(FrameAction.Reject, code, message, replyId);
}
