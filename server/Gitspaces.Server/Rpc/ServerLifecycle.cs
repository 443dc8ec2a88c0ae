namespace Gitspaces.Server.Rpc;

/// <summary>The LSP-style session states.</summary>
internal enum ServerLifecycle
{
    AwaitingInitialize,
    Running,
    ShuttingDown,
}
