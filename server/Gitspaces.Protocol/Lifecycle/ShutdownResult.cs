namespace Gitspaces.Protocol;

/// <summary>Result of <c>shutdown</c> (empty object).</summary>
public sealed record ShutdownResult;
