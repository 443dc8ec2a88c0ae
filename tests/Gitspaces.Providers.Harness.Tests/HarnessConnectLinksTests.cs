using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using Gitspaces.Providers.Harness.Api;
using Gitspaces.Ssh.Links;

namespace Gitspaces.Providers.Harness.Tests;

/// <summary>The <c>gitspaces/connect</c> answer built from an instance, without a control plane.</summary>
public sealed class HarnessConnectLinksTests
{
    [Theory]
    [InlineData("dev+ci", "dev%2Bci")]
    [InlineData("dev@corp", "dev%40corp")]
    public void Links_percent_encode_the_user_and_the_folder_and_the_command_quotes_the_folder(string user, string encodedUser)
    {
        var result = Connect($"ssh -t -p 2201 {user}@gs.example.com 'cd /home/dev/my repo; exec $SHELL -l'");

        Assert.Equal(("gs.example.com", user, 2201, "/home/dev/my repo"), (result.SshHost, result.User, result.Port, result.WorkspaceFolder));
        Assert.Equal($"ssh -t -p 2201 {user}@gs.example.com 'cd '\\''/home/dev/my repo'\\'' && exec \"$SHELL\" -l'", result.SshCommand);
        Assert.Equal($"vscode-remote://ssh-remote+{encodedUser}@gs.example.com:2201/home/dev/my%20repo", result.RemoteUri);
        Assert.Equal($"vscode://vscode-remote/ssh-remote+{encodedUser}@gs.example.com:2201/home/dev/my%20repo", result.Links.Vscode);
        Assert.Equal($"vscode-insiders://vscode-remote/ssh-remote+{encodedUser}@gs.example.com:2201/home/dev/my%20repo", result.Links.VscodeInsiders);
        Assert.Equal($"cursor://vscode-remote/ssh-remote+{encodedUser}@gs.example.com:2201/home/dev/my%20repo", result.Links.Cursor);
        Assert.Equal($"windsurf://vscode-remote/ssh-remote+{encodedUser}@gs.example.com:2201/home/dev/my%20repo", result.Links.Windsurf);
        Assert.Equal($"jetbrains-gateway://connect#type=ssh&deploy=true&host=gs.example.com&port=2201&user={encodedUser}&projectPath=%2Fhome%2Fdev%2Fmy%20repo&productCode=IU", result.Links.JetbrainsGateway);
        Assert.Equal($"jetbrains://gateway/ssh/environment?h=gs.example.com&p=2201&u={encodedUser}&launchIde=true&ideHint=IU&projectHint=%2Fhome%2Fdev%2Fmy%20repo", result.Links.JetbrainsToolbox);
        Assert.Null(result.Links.Web);
    }

    [Fact]
    public void Port_22_is_left_out_of_the_command_and_the_authority()
    {
        var result = Connect("ssh -t harness@10.0.0.5 'cd /root/repo; exec $SHELL -l'");

        Assert.Equal("ssh -t harness@10.0.0.5 'cd /root/repo && exec \"$SHELL\" -l'", result.SshCommand);
        Assert.Equal("vscode-remote://ssh-remote+harness@10.0.0.5/root/repo", result.RemoteUri);
        Assert.Contains("&port=22&", result.Links.JetbrainsGateway, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_named_like_one_of_our_aliases_still_gets_its_user_and_port()
    {
        var result = Connect("ssh -t -p 443 rk@gitspace-7f3a.example.com 'cd /home/rk/app; exec $SHELL -l'");

        Assert.Equal("ssh -t -p 443 rk@gitspace-7f3a.example.com 'cd /home/rk/app && exec \"$SHELL\" -l'", result.SshCommand);
        Assert.Equal("vscode://vscode-remote/ssh-remote+rk@gitspace-7f3a.example.com:443/home/rk/app", result.Links.Vscode);
    }

    [Fact]
    public void The_control_planes_own_folder_uri_wins_over_the_built_one()
    {
        const string url = "vscode-remote://ssh-remote+harness@gs.example.com:2201/home/harness/my repo";

        var result = Connect("ssh -t -p 2201 harness@gs.example.com 'cd /home/harness/my repo; exec $SHELL -l'", url);

        Assert.Equal(url, result.RemoteUri);
        Assert.Equal("vscode://vscode-remote/ssh-remote+harness@gs.example.com:2201/home/harness/my%20repo", result.Links.Vscode);
    }

    [Fact]
    public void The_control_planes_own_gateway_link_wins_over_the_built_one()
    {
        const string url = "jetbrains-gateway://connect#idePath=%2Fhome%2Fharness%2F.cache%2Fgoland&projectPath=%2Fhome%2Fharness%2Fr&host=gs.example.com&port=2201&user=harness&type=ssh&deploy=false";

        var result = Connect(sshCommand: null, url, ide: Ides.GoLand);

        Assert.Equal(url, result.Links.JetbrainsGateway);
        Assert.Equal(("gs.example.com", 2201, "/home/harness/r"), (result.SshHost, result.Port, result.WorkspaceFolder));
        Assert.Equal("vscode-remote://ssh-remote+harness@gs.example.com:2201/home/harness/r", result.RemoteUri);
        Assert.Equal("jetbrains://gateway/ssh/environment?h=gs.example.com&p=2201&u=harness&launchIde=true&ideHint=GO&projectHint=%2Fhome%2Fharness%2Fr", result.Links.JetbrainsToolbox);
    }

    [Theory]
    [InlineData("https://ide.example.com/?folder=/home/harness/app", "s3cr3t", "https://ide.example.com/?folder=/home/harness/app&token=s3cr3t")]
    [InlineData("https://ide.example.com/", "a b", "https://ide.example.com/?token=a%20b")]
    [InlineData("https://ide.example.com/?token=given", "s3cr3t", "https://ide.example.com/?token=given")]
    [InlineData("https://ide.example.com/", null, "https://ide.example.com/")]
    public void A_web_ide_without_ssh_gets_its_url_with_the_token_and_nothing_else(string url, string? token, string web)
    {
        var result = Connect(sshCommand: null, url, ide: Ides.VsCodeWeb, webToken: token);

        Assert.Equal(web, result.Links.Web);
        Assert.Equal(("ide.example.com", 22, string.Empty, string.Empty), (result.SshHost, result.Port, result.SshCommand, result.RemoteUri));
        Assert.Equal(new ConnectLinks { Web = web }, result.Links);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("ssh -t -p 70000 harness@gs.example.com 'cd /r; exec $SHELL -l'", null)]
    [InlineData(null, "http://ide.example.com/?folder=/r")]
    public void A_running_gitspace_with_no_usable_way_in_is_InvalidState(string? sshCommand, string? url)
    {
        // The last case is a VS Code gitspace: its http URL is not a web IDE's.
        var error = Assert.Throws<GitspaceException>(() => Connect(sshCommand, url));

        Assert.Equal(ErrorCodes.InvalidState, error.Code);
    }

    [Fact]
    public void An_unusable_ssh_endpoint_leaves_a_web_ide_its_link()
    {
        var result = Connect("ssh -t -p 70000 harness@gs.example.com 'cd /r; exec $SHELL -l'", "https://ide.example.com/", ide: Ides.VsCodeWeb);

        Assert.Equal(new ConnectLinks { Web = "https://ide.example.com/" }, result.Links);
        Assert.Equal(string.Empty, result.SshCommand);
    }

    [Theory]
    [InlineData("harness", "gs.example.com", 22, "/home/harness/app")]
    [InlineData("dev+ci", "10.0.0.5", 2201, "/home/dev/my repo")]
    public void Harness_and_Docker_hand_out_the_same_strings_for_the_same_target(string user, string host, int port, string folder)
    {
        var harness = Connect($"ssh -t -p {port} {user}@{host} 'cd {folder}; exec $SHELL -l'", ide: Ides.PyCharm);

        // What DockerProvider.ConnectAsync hands to the shared builder, with a host in place of its alias.
        var docker = ConnectResults.WithStandardLinks(
            new ConnectResult { SshHost = host, User = user, Port = port, WorkspaceFolder = folder, SshCommand = string.Empty, RemoteUri = string.Empty, Links = new ConnectLinks(), Gitspace = harness.Gitspace },
            Ides.PyCharm);

        Assert.Equal(docker, harness);
    }

    private static ConnectResult Connect(string? sshCommand, string? url = null, string ide = Ides.VsCode, string? webToken = null)
    {
        var config = new HarnessGitspaceConfig
        {
            Identifier = "app-x1y2z3",
            Ide = ide,
            State = "running",
            Instance = new HarnessGitspaceInstance { State = "running", SshCommand = sshCommand, Url = url },
        };
        var gitspace = new Gitspace
        {
            Id = config.Identifier,
            Name = "app",
            Provider = "harness",
            State = GitspaceState.Running,
            Ide = ide,
            Repository = new GitspaceRepository { Url = "https://github.com/acme/app.git" },
            CreatedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        };
        return HarnessConnectLinks.Build(gitspace, config, ide, webToken);
    }
}
