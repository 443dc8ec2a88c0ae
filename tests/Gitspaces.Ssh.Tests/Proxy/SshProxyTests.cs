using System.IO.Pipelines;
using System.Text;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Providers;
using Gitspaces.Core.Ssh;
using Gitspaces.Core.State;
using Gitspaces.Ssh.Proxy;
using Gitspaces.Ssh.Tests.Support;
using Xunit;

namespace Gitspaces.Ssh.Tests.Proxy;

/// <summary>The pump over real child processes as channels; the end-to-end tests run it under the real ssh.</summary>
public class SshProxyTests
{
    [Fact]
    public async Task Bytes_flow_both_ways_and_the_session_ends_when_the_remote_side_does()
    {
        using var stdin = new MemoryStream(Encoding.ASCII.GetBytes("hello world"));
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();

        var exit = await SshProxy.RunAsync(new ProcessChannels("head", "-c", "5"), "g", stdin, stdout, stderr, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Equal("hello", Encoding.ASCII.GetString(stdout.ToArray()));
        Assert.Equal(string.Empty, stderr.ToString());
    }

    [Fact]
    public async Task The_remote_side_closing_ends_the_session_while_ssh_still_holds_stdin_open()
    {
        var neverEnding = new Pipe();
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();

        var exit = await SshProxy.RunAsync(new ProcessChannels("printf", "SSH-2.0-test"), "g", neverEnding.Reader.AsStream(), stdout, stderr, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, exit);
        Assert.Equal("SSH-2.0-test", Encoding.ASCII.GetString(stdout.ToArray()));
    }

    [Fact]
    public async Task A_channel_that_cannot_open_fails_on_stderr_and_leaves_stdout_clean()
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();

        var exit = await SshProxy.RunAsync(new RefusingChannels(), "gone", new MemoryStream(), stdout, stderr, CancellationToken.None);

        Assert.Equal(SshProxy.FailureExitCode, exit);
        Assert.Empty(stdout.ToArray());
        Assert.Contains("gitspaces ssh-proxy: No gitspace is named 'gone'.", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("gitspaces ssh-proxy: List gitspaces", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_without_a_channel_in_this_host_is_refused_before_anything_is_opened()
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var channels = new ProviderRegistry([new ProviderRegistration("docker") { CreateSshChannel = _ => new RefusingChannels() }]);

        var exit = await SshProxy.RunAsync(channels, "harness", new StatePaths("/nonexistent/data", "/nonexistent/config"), "g", new MemoryStream(), stdout, stderr, CancellationToken.None);

        Assert.Equal(SshProxy.NoChannelExitCode, exit);
        Assert.Empty(stdout.ToArray());
        Assert.Equal("gitspaces ssh-proxy: provider 'harness' has no SSH channel; connect with the SSH command its gitspaces/connect returns." + Environment.NewLine, stderr.ToString());
    }

    [Fact]
    public async Task The_test_proxy_host_refuses_unknown_arguments_with_usage()
    {
        var result = await Run.ProgramAsync(SshWorld.TestProxyHost, ["ssh-proxy", "--provider", "nope", "x"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.StandardOutput);
        Assert.Contains("usage: gitspaces ssh-proxy", result.StandardError, StringComparison.Ordinal);
    }

    /// <summary>Opens a child process as the channel.</summary>
    private sealed class ProcessChannels(string program, params string[] arguments) : ISshChannelProvider
    {
        public string Id => "process";

        public Task<Stream> OpenSshChannelAsync(string gitspaceId, CancellationToken cancellationToken)
        {
            var start = new System.Diagnostics.ProcessStartInfo(program);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            return Task.FromResult<Stream>(new ProcessChannelStream(start));
        }
    }

    /// <summary>A provider whose gitspace is gone, as a provider reports it.</summary>
    private sealed class RefusingChannels : ISshChannelProvider
    {
        public string Id => "refusing";

        public Task<Stream> OpenSshChannelAsync(string gitspaceId, CancellationToken cancellationToken) =>
            throw GitspaceException.NotFound(gitspaceId);
    }
}
