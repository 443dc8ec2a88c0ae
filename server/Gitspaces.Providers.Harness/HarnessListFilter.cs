namespace Gitspaces.Providers.Harness;

/// <summary>The list filters Harness takes (<c>query</c>, <c>gitspace_states</c>, <c>gitspace_owner</c>, <c>sort</c>), in its own values.</summary>
/// <param name="Query">Text the identifier or name contains.</param>
/// <param name="States">Harness filter states (<c>running</c>, <c>stopped</c>, <c>error</c>); none for all.</param>
/// <param name="Owner"><c>self</c> or <c>all</c>; the server's default (<c>self</c>) when absent.</param>
/// <param name="Sort"><c>created</c>, <c>last_used</c> or <c>last_activated</c>; the server's default when absent.</param>
public sealed record HarnessListFilter(string? Query, IReadOnlyList<string> States, string? Owner, string? Sort);
