using Gitspaces.Core.Errors;
using Gitspaces.Ssh.Config;
using Xunit;

namespace Gitspaces.Ssh.Tests.Config;

public class UserSshConfigTests
{
    private const string IncludePath = "/home/user/.local/share/gitspaces/ssh/config";

    public static TheoryData<string> Cases() =>
        ["empty", "missing", "plain", "crlf", "no-trailing-newline", "match-blocks", "existing-include", "bom", "non-utf8", "old-managed-block"];

    public static TheoryData<string> RoundTripCases() =>
        ["empty", "plain", "crlf", "no-trailing-newline", "match-blocks", "existing-include", "bom", "non-utf8"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Adding_the_block_gives_the_golden_output(string name)
    {
        var output = UserSshConfig.WithManagedBlock(Input(name), IncludePath);

        Assert.Equal(Fixture(name + ".expected"), output);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Adding_the_block_again_changes_nothing(string name)
    {
        var expected = Fixture(name + ".expected");

        Assert.Equal(expected, UserSshConfig.WithManagedBlock(expected, IncludePath));
    }

    [Theory]
    [MemberData(nameof(RoundTripCases))]
    public void Removing_the_block_restores_the_input_byte_for_byte(string name)
    {
        Assert.Equal(Input(name), UserSshConfig.WithoutManagedBlock(Fixture(name + ".expected")));
    }

    [Fact]
    public void Another_homes_include_joins_the_block_and_each_home_removes_only_its_own()
    {
        // Two GITSPACES_HOMEs for one user: one line each, neither moves the other's (their hosts would stop resolving).
        var first = UserSshConfig.WithManagedBlock(Input("plain"), IncludePath);
        var both = UserSshConfig.WithManagedBlock(first, "/elsewhere/ssh/config");
        var again = UserSshConfig.WithManagedBlock(both, IncludePath);

        var text = System.Text.Encoding.UTF8.GetString(both);
        Assert.Contains("Include \"/elsewhere/ssh/config\"", text, StringComparison.Ordinal);
        Assert.Contains(IncludePath, text, StringComparison.Ordinal);
        Assert.Equal(both, again);

        var second = UserSshConfig.WithoutInclude(both, IncludePath);
        Assert.DoesNotContain(IncludePath, System.Text.Encoding.UTF8.GetString(second), StringComparison.Ordinal);
        Assert.Contains("Include \"/elsewhere/ssh/config\"", System.Text.Encoding.UTF8.GetString(second), StringComparison.Ordinal);
        Assert.Equal(Input("plain"), UserSshConfig.WithoutInclude(second, "/elsewhere/ssh/config"));
    }

    [Theory]
    [InlineData("# --- BEGIN GITSPACES (v1) ---\nInclude x\nHost a\n")]
    [InlineData("Host a\n# --- END GITSPACES ---\n")]
    [InlineData("# --- BEGIN GITSPACES (v1) ---\n# --- BEGIN GITSPACES (v1) ---\n# --- END GITSPACES ---\n")]
    public void Unbalanced_markers_are_refused_and_named(string text)
    {
        var error = Assert.Throws<GitspaceException>(() => UserSshConfig.WithManagedBlock(System.Text.Encoding.UTF8.GetBytes(text), IncludePath));

        Assert.Contains("gitspaces block", error.Message, StringComparison.Ordinal);
        Assert.Contains("# --- BEGIN GITSPACES", error.Details.Hint, StringComparison.Ordinal);
    }

    private static byte[]? Input(string name) => name == "missing" ? null : Fixture(name + ".input");

    private static byte[] Fixture(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "UserConfig", file));
}
