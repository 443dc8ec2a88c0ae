namespace Gitspaces.Protocol;

/// <summary>Parameters of the <c>initialized</c> notification (empty).</summary>
public sealed record InitializedParams;
