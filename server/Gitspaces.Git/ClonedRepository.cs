namespace Gitspaces.Git;

/// <summary>A repository cloned to a folder on this machine.</summary>
/// <param name="Folder">The working tree.</param>
/// <param name="DisplayUrl">The URL or path as the user gave it, without credentials.</param>
/// <param name="Branch">The checked-out branch.</param>
/// <param name="Commit">The checked-out commit.</param>
public sealed record ClonedRepository(string Folder, string DisplayUrl, string? Branch, string Commit);
