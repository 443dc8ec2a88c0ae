namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>shutdown</c> (empty; the request may carry none).</summary>
public sealed record ShutdownParams;
