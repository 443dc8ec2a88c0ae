using Gitspaces.Protocol;
using Gitspaces.Ssh.Links;
using Xunit;

namespace Gitspaces.Ssh.Tests.Links;

public class GitspaceLinksTests
{
    private static readonly SshTarget Target = new("gitspace-my-repo", "vscode", 22, "/workspaces/my repo");

    [Fact]
    public void VS_Code_and_its_forks_open_the_folder_on_the_alias()
    {
        var links = GitspaceLinks.Build(Target, Ides.VsCode);

        Assert.Equal("vscode-remote://ssh-remote+gitspace-my-repo/workspaces/my%20repo", VsCodeLinks.RemoteFolderUri(Target));
        Assert.Equal("vscode://vscode-remote/ssh-remote+gitspace-my-repo/workspaces/my%20repo", links.Vscode);
        Assert.Equal("vscode-insiders://vscode-remote/ssh-remote+gitspace-my-repo/workspaces/my%20repo", links.VscodeInsiders);
        Assert.Equal("cursor://vscode-remote/ssh-remote+gitspace-my-repo/workspaces/my%20repo", links.Cursor);
        Assert.Equal("windsurf://vscode-remote/ssh-remote+gitspace-my-repo/workspaces/my%20repo", links.Windsurf);
    }

    [Theory]
    [InlineData("me", 2222, "vscode-remote://ssh-remote+me@example.com:2222/src")]
    [InlineData("me+ci", 22, "vscode-remote://ssh-remote+me%2Bci@example.com/src")]
    public void A_plain_host_carries_user_and_port_in_the_authority(string user, int port, string uri)
    {
        var target = new SshTarget("example.com", user, port, "/src");

        Assert.Equal(uri, VsCodeLinks.RemoteFolderUri(target));
    }

    [Fact]
    public void A_direct_host_named_like_one_of_our_aliases_keeps_its_user()
    {
        var target = new SshTarget("gitspace-7f3a.example.com", "me", 2222, "/src");

        Assert.True(target.IsAlias);
        Assert.False((target with { IsDirect = true }).IsAlias);
        Assert.Equal("vscode://vscode-remote/ssh-remote+gitspace-7f3a.example.com:2222/src", VsCodeLinks.OpenLink(VsCodeLinks.VsCodeScheme, target));
        Assert.Equal("vscode://vscode-remote/ssh-remote+me@gitspace-7f3a.example.com:2222/src", VsCodeLinks.OpenLink(VsCodeLinks.VsCodeScheme, target with { IsDirect = true }));
    }

    [Theory]
    [InlineData(Ides.PyCharm, "PY")]
    [InlineData(Ides.GoLand, "GO")]
    [InlineData(Ides.Rider, "RD")]
    [InlineData(Ides.VsCode, "IU")]
    [InlineData(null, "IU")]
    public void JetBrains_links_name_the_product(string? ide, string code)
    {
        var links = GitspaceLinks.Build(Target, ide);

        Assert.Equal(
            $"jetbrains-gateway://connect#type=ssh&deploy=true&host=gitspace-my-repo&port=22&user=vscode&projectPath=%2Fworkspaces%2Fmy%20repo&productCode={code}",
            links.JetbrainsGateway);
        Assert.Equal(
            $"jetbrains://gateway/ssh/environment?h=gitspace-my-repo&p=22&u=vscode&launchIde=true&ideHint={code}&projectHint=%2Fworkspaces%2Fmy%20repo",
            links.JetbrainsToolbox);
    }

    [Fact]
    public void An_installed_backend_is_used_instead_of_deploying_one()
    {
        var link = JetBrainsLinks.Gateway(Target, "GO", "/home/vscode/.cache/JetBrains/RemoteDev/dist/goland");

        Assert.EndsWith("&deploy=false&host=gitspace-my-repo&port=22&user=vscode&projectPath=%2Fworkspaces%2Fmy%20repo&productCode=GO&idePath=%2Fhome%2Fvscode%2F.cache%2FJetBrains%2FRemoteDev%2Fdist%2Fgoland", link, StringComparison.Ordinal);
    }

    [Fact]
    public void Reserved_and_non_ASCII_characters_are_percent_encoded_as_UTF8()
    {
        var target = Target with { WorkspaceFolder = "/w/a&b=c#d?é+" };

        Assert.Equal("vscode-remote://ssh-remote+gitspace-my-repo/w/a%26b%3Dc%23d%3F%C3%A9%2B", VsCodeLinks.RemoteFolderUri(target));
        Assert.Contains("projectPath=%2Fw%2Fa%26b%3Dc%23d%3F%C3%A9%2B&", GitspaceLinks.Build(target, null).JetbrainsGateway, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "u", 22, "/w")]
    [InlineData("bad host", "u", 22, "/w")]
    [InlineData("h", "", 22, "/w")]
    [InlineData("h", "u", 0, "/w")]
    [InlineData("h", "u", 22, "relative/folder")]
    public void Bad_targets_are_refused(string host, string user, int port, string folder)
    {
        Assert.Throws<ArgumentException>(() => GitspaceLinks.Build(new SshTarget(host, user, port, folder), null));
    }

    [Theory]
    [InlineData(Ides.VsCode, "vscode://")]
    [InlineData("vscode-insiders", "vscode-insiders://")]
    [InlineData(Ides.Cursor, "cursor://")]
    [InlineData(Ides.Windsurf, "windsurf://")]
    [InlineData(Ides.IntelliJ, "jetbrains-gateway://")]
    [InlineData("toolbox", "jetbrains://")]
    public void ForIde_picks_the_editors_link(string ide, string prefix)
    {
        Assert.StartsWith(prefix, GitspaceLinks.ForIde(GitspaceLinks.Build(Target, ide), ide), StringComparison.Ordinal);
    }

    [Fact]
    public void ForIde_has_nothing_for_an_unknown_editor()
    {
        Assert.Null(GitspaceLinks.ForIde(GitspaceLinks.Build(Target, null), "notepad"));
    }
}
