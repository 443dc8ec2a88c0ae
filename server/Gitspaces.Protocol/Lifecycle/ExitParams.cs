namespace Gitspaces.Protocol;

/// <summary>Parameters of the <c>exit</c> notification (empty).</summary>
public sealed record ExitParams;
