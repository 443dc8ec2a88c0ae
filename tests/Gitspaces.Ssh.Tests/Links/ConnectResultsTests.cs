using Gitspaces.Protocol;
using Gitspaces.Ssh.Links;
using Xunit;

namespace Gitspaces.Ssh.Tests.Links;

public class ConnectResultsTests
{
    [Fact]
    public void A_providers_result_gets_every_standard_link_and_keeps_its_web_link()
    {
        var result = new ConnectResult
        {
            SshHost = "gitspace-app",
            User = "vscode",
            WorkspaceFolder = "/workspaces/app $x",
            SshCommand = "ssh gitspace-app",
            RemoteUri = "vscode-remote://ssh-remote+gitspace-app/workspaces/app $x",
            Links = new ConnectLinks { Vscode = "old", Web = "https://ide.example.com/app" },
            Gitspace = new Gitspace { Id = "app", Name = "app", Provider = "docker", State = GitspaceState.Running, Ide = Ides.GoLand, Repository = new GitspaceRepository { Url = "/src/app" }, CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch },
        };

        var completed = ConnectResults.WithStandardLinks(result, Ides.GoLand);

        Assert.Equal("ssh -t gitspace-app 'cd '\\''/workspaces/app $x'\\'' && exec \"$SHELL\" -l'", completed.SshCommand);
        Assert.Equal("vscode-remote://ssh-remote+gitspace-app/workspaces/app%20%24x", completed.RemoteUri);
        Assert.Equal("vscode://vscode-remote/ssh-remote+gitspace-app/workspaces/app%20%24x", completed.Links.Vscode);
        Assert.Contains("productCode=GO", completed.Links.JetbrainsGateway, StringComparison.Ordinal);
        Assert.NotNull(completed.Links.Cursor);
        Assert.NotNull(completed.Links.Windsurf);
        Assert.NotNull(completed.Links.VscodeInsiders);
        Assert.NotNull(completed.Links.JetbrainsToolbox);
        Assert.Equal("https://ide.example.com/app", completed.Links.Web);
        Assert.Same(result.Gitspace, completed.Gitspace);
    }

    [Fact]
    public void A_target_given_with_the_result_replaces_its_ssh_fields()
    {
        var result = new ConnectResult
        {
            SshHost = string.Empty,
            User = "nobody",
            WorkspaceFolder = string.Empty,
            SshCommand = string.Empty,
            RemoteUri = string.Empty,
            Links = new ConnectLinks { Web = "https://ide.example.com/app" },
            Gitspace = new Gitspace { Id = "app", Name = "app", Provider = "harness", State = GitspaceState.Running, Ide = Ides.VsCode, Repository = new GitspaceRepository { Url = "https://example.com/app.git" }, CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch },
        };
        var target = new SshTarget("gitspace-7f3a.example.com", "me", 2222, "/src") { IsDirect = true };

        var completed = ConnectResults.WithStandardLinks(result, target, Ides.VsCode);

        Assert.Equal(("gitspace-7f3a.example.com", "me", 2222, "/src"), (completed.SshHost, completed.User, completed.Port, completed.WorkspaceFolder));
        Assert.Equal("ssh -t -p 2222 me@gitspace-7f3a.example.com 'cd /src && exec \"$SHELL\" -l'", completed.SshCommand);
        Assert.Equal("vscode-remote://ssh-remote+me@gitspace-7f3a.example.com:2222/src", completed.RemoteUri);
        Assert.Equal(GitspaceLinks.Build(target, Ides.VsCode) with { Web = "https://ide.example.com/app" }, completed.Links);
    }
}
