using Gitspaces.Protocol;

namespace Gitspaces.Server.Forwarding;

/// <summary>What a process that holds a forward writes to the state directory, so every gitspaces process on this machine sees it.</summary>
/// <param name="Provider">The provider id.</param>
/// <param name="GitspaceId">The gitspace id.</param>
/// <param name="Forward">The forward.</param>
internal sealed record ForwardRecord(string Provider, string GitspaceId, PortForward Forward);
