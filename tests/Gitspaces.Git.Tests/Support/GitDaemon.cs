using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Gitspaces.TestSupport;

namespace Gitspaces.Git.Tests.Support;

/// <summary><c>git daemon</c> on 127.0.0.1 serving one repository: a network transport, unlike a file URL.</summary>
internal sealed class GitDaemon : IDisposable
{
    private readonly Process process;

    public GitDaemon(string repository)
    {
        var root = Path.GetDirectoryName(repository)!;
        var port = LoopbackPort.Unused();
        this.Url = $"git://127.0.0.1:{port}/{Path.GetFileName(repository)}";
        var start = new ProcessStartInfo("git") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "daemon", "--listen=127.0.0.1", $"--port={port}", "--reuseaddr", "--export-all", $"--base-path={root}", root })
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
                probe.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }

    public string Url { get; }

    public void Dispose()
    {
        this.process.Kill(entireProcessTree: true);
        this.process.WaitForExit();
        this.process.Dispose();
    }
}
