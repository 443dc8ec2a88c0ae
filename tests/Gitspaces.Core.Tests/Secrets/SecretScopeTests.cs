using Gitspaces.Core.Secrets;

namespace Gitspaces.Core.Tests.Secrets;

public sealed class SecretScopeTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("*", null)]
    [InlineData("https://User:tok@GitHub.com/Org/*", "github.com/Org/*")]
    [InlineData("github.com/org/repo.git", "github.com/org/repo")]
    [InlineData("git@github.com:org/*", "github.com/org/*")]
    public void A_pattern_is_stored_without_scheme_credentials_or_dot_git(string? given, string? stored) =>
        Assert.Equal(stored, SecretScope.Normalize(given));

    [Theory]
    [InlineData("github.com/org/*", "https://github.com/org/repo.git", true)]
    [InlineData("github.com/org/*", "git@github.com:org/repo.git", true)]
    [InlineData("github.com/org/*", "ssh://git@github.com/org/sub/repo", true)]
    [InlineData("github.com/org/*", "https://github.com/other/repo", false)]
    [InlineData("github.com/org/repo", "https://github.com/org/repo-two", false)]
    [InlineData("*.example.com/*", "https://git.example.com/a/b", true)]
    [InlineData(null, "/any/local/folder", true)]
    public void A_scope_covers_the_repositories_its_pattern_matches(string? pattern, string repository, bool covered) =>
        Assert.Equal(covered, SecretScope.Covers(SecretScope.Normalize(pattern), repository));
}
