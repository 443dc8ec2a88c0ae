namespace Gitspaces.Providers.Harness.Tests;

public sealed class HarnessSshEndpointTests
{
    [Theory]
    [InlineData("ssh -t -p 2201 harness@gs.example.com 'cd /home/harness/app; exec $SHELL -l'", "gs.example.com", 2201, "harness", "/home/harness/app")]
    [InlineData("ssh -t harness@10.0.0.5 'cd /root/repo; exec $SHELL -l'", "10.0.0.5", 22, "harness", "/root/repo")]
    [InlineData("ssh -p 443 rk-7f3a@gateway.us-west.gitspace.harness.io", "gateway.us-west.gitspace.harness.io", 443, "rk-7f3a", null)]
    public void Reads_host_port_user_and_folder_from_the_ssh_command(string command, string host, int port, string user, string? folder)
    {
        var endpoint = HarnessSshEndpoint.ParseSshCommand(command);

        Assert.Equal(new HarnessSshEndpoint(host, port, user, folder), endpoint);
    }

    [Theory]
    [InlineData("vscode-remote://ssh-remote+harness@localhost:3022/home/harness/my%20repo", "localhost", 3022, "harness", "/home/harness/my repo")]
    [InlineData("cursor://vscode-remote:/ssh-remote+harness@h:8098/home/harness/r", "h", 8098, "harness", "/home/harness/r")]
    [InlineData("jetbrains-gateway://connect#idePath=%2Fhome%2Fharness%2F.cache&projectPath=%2Fhome%2Fharness%2Fr&host=h.example&port=8090&user=harness&type=ssh&deploy=false", "h.example", 8090, "harness", "/home/harness/r")]
    public void Reads_the_same_from_the_ide_url_when_there_is_no_ssh_command(string url, string host, int port, string user, string folder)
    {
        Assert.Equal(new HarnessSshEndpoint(host, port, user, folder), HarnessSshEndpoint.ParseUrl(url));
    }

    [Theory]
    [InlineData("")]
    [InlineData("echo hello")]
    [InlineData("ssh -t")]
    public void Refuses_what_is_not_an_ssh_command(string command) => Assert.Null(HarnessSshEndpoint.ParseSshCommand(command));

    [Theory]
    [InlineData("http://127.0.0.1:8089?folder=/home/harness/app")]
    [InlineData("jetbrains-gateway://connect#type=ssh")]
    public void Refuses_urls_that_carry_no_ssh_endpoint(string url) => Assert.Null(HarnessSshEndpoint.ParseUrl(url));
}
