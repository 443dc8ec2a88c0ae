using Gitspaces.Core.Errors;
using Gitspaces.Core.Secrets;
using Gitspaces.Core.State;
using Gitspaces.TestSupport;

namespace Gitspaces.Core.Tests.Secrets;

public sealed class SecretStoreTests
{
    [Fact]
    public void Values_are_kept_owner_only_and_listed_without_them()
    {
        var store = new SecretStore(Paths());

        store.Set("API_TOKEN", "v1", null);
        store.Set("API_TOKEN", "v2", null);
        store.Set("NPM_TOKEN", "n", "github.com/org/*");

        var listed = store.List();
        Assert.Equal([("API_TOKEN", (string?)null), ("NPM_TOKEN", "github.com/org/*")], listed.Select(s => (s.Name, s.Scope)));
        Assert.DoesNotContain("v2", string.Join(",", listed), StringComparison.Ordinal);
        Assert.Equal("v2", store.InScope("https://example.com/x")["API_TOKEN"]);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.FilePath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(store.FilePath)!));
        }
    }

    [Fact]
    public void The_most_specific_scope_wins_and_other_repositories_do_not_get_a_scoped_secret()
    {
        var store = new SecretStore(Paths());
        store.Set("TOKEN", "global", null);
        store.Set("TOKEN", "org", "github.com/org/*");
        store.Set("TOKEN", "repo", "github.com/org/repo");
        store.Set("ONLY_ORG", "o", "github.com/org/*");

        Assert.Equal("repo", store.InScope("https://github.com/org/repo.git")["TOKEN"]);
        Assert.Equal("org", store.InScope("git@github.com:org/other")["TOKEN"]);
        var elsewhere = store.InScope("https://gitlab.com/x/y");
        Assert.Equal("global", elsewhere["TOKEN"]);
        Assert.False(elsewhere.ContainsKey("ONLY_ORG"));
        Assert.Equal(["ONLY_ORG", "TOKEN", "TOKEN", "TOKEN"], store.List("https://github.com/org/repo").Select(s => s.Name));

        Assert.True(store.Delete("TOKEN", "https://github.com/org/repo"));
        Assert.False(store.Delete("TOKEN", "github.com/nowhere/*"));
        Assert.Equal("org", store.InScope("https://github.com/org/repo")["TOKEN"]);
    }

    [Theory]
    [InlineData("1ABC")]
    [InlineData("A-B")]
    [InlineData("HOME")]
    [InlineData("PATH")]
    [InlineData("GITSPACES_SSH_SESSION")]
    public void A_name_that_is_no_free_variable_is_refused(string name)
    {
        var error = Assert.Throws<GitspaceException>(() => new SecretStore(Paths()).Set(name, "x", null));
        Assert.Equal("$.name", error.Details.Field);
    }

    [Theory]
    [InlineData("two\nlines")]
    [InlineData("cr\r")]
    [InlineData("ends with \\")]
    public void A_value_an_ssh_session_cannot_carry_is_refused(string value)
    {
        var error = Assert.Throws<GitspaceException>(() => new SecretStore(Paths()).Set("OK", value, null));
        Assert.Equal("$.value", error.Details.Field);
    }

    [Fact]
    public void A_damaged_store_is_an_error_that_names_it_not_an_empty_list()
    {
        var store = new SecretStore(Paths());
        Directory.CreateDirectory(Path.GetDirectoryName(store.FilePath)!);
        File.WriteAllText(store.FilePath, "{ not json");

        var error = Assert.Throws<GitspaceException>(() => store.InScope("https://x/y"));
        Assert.Contains(store.FilePath, error.Message, StringComparison.Ordinal);
    }

    private static StatePaths Paths()
    {
        var root = TempDirectory.Create("secrets");
        return new StatePaths(Path.Combine(root, "data"), Path.Combine(root, "config"));
    }
}
