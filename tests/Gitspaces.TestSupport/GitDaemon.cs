using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gitspaces.TestSupport;

/// <summary><c>git daemon</c> on 127.0.0.1 serving every repository in one folder: a network transport, unlike a file URL.</summary>
public sealed class GitDaemon : IDisposable
{
    private readonly Process process;

    /// <summary>Starts the daemon and returns once it accepts connections.</summary>
    /// <param name="root">The folder whose repositories it serves.</param>
    public GitDaemon(string root)
    {
        this.Port = LoopbackPort.Unused();
        var start = new ProcessStartInfo("git") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "daemon", "--listen=127.0.0.1", $"--port={this.Port}", "--reuseaddr", "--export-all", $"--base-path={root}", root })
        {
            start.ArgumentList.Add(arg);
        }

        this.process = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, this.Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }

    /// <summary>Gets the port it listens on.</summary>
    public int Port { get; }

    /// <summary>Returns the git:// URL of a repository in the served folder.</summary>
    /// <param name="repository">The repository's folder name.</param>
    /// <returns>The URL.</returns>
    public string UrlOf(string repository) => $"git://127.0.0.1:{this.Port}/{repository}";

    public void Dispose()
    {
        try
        {
            this.process.Kill(entireProcessTree: true);
            this.process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }

        this.process.Dispose();
    }
}
