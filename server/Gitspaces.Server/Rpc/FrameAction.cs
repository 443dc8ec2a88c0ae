namespace Gitspaces.Server.Rpc;

/// <summary>The outcome of validating a frame.</summary>
internal enum FrameAction
{
    Forward,
    Ignore,
    Reject,
}
