using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Channels.Tests.Ports;

/// <summary>
/// Both embedded port helpers run: the one for this machine's architecture natively and the other under qemu-user
/// (scripts/setup-test-machine.sh installs it), since the engine here runs no arm64 containers. The helper is
/// freestanding, so the host's own /proc and loopback are as good a place as a container's to run it.
/// </summary>
public sealed class PortHelperBinaryTests
{
    public static TheoryData<string> Architectures => ["amd64", "arm64"];

    [Theory]
    [MemberData(nameof(Architectures))]
    public async Task TheHelperJoinsAConnectionAndReportsTheListener(string architecture)
    {
        var helper = Extract(architecture);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        // connect: stdin's bytes reach the server, the server's reach stdout, and the end of stdin half-closes.
        var served = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var received = await new StreamReader(stream, Encoding.ASCII).ReadToEndAsync();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("answer to " + received));
        });
        var connect = await Run.ProgramAsync(helper.Program, [.. helper.Arguments, "connect", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], stdin: "hello\n", timeout: TimeSpan.FromMinutes(1));
        await served.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(connect.ExitCode == 0, connect.ToString());
        Assert.Equal("answer to hello\n", connect.StandardOutput);

        // watch: the first line lists the listening ports, ours among them; closing stdin ends it.
        using var watch = Process.Start(Run.StartInfo(helper.Program, [.. helper.Arguments, "watch"]))!;
        var line = await watch.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Contains(port, DockerPortChannel.ParsePorts(line ?? string.Empty) ?? []);
        watch.StandardInput.Close();
        await watch.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
    }

    private static (string Program, string[] Arguments) Extract(string architecture)
    {
        var file = PortHelperBinary.For(architecture) ?? throw new InvalidOperationException("no helper for " + architecture);
        var path = Path.Combine(TempDirectory.Create("port-helper"), "port-helper-" + architecture);
        File.WriteAllBytes(path, file.Contents);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        var native = RuntimeInformation.OSArchitecture == (architecture == "arm64" ? Architecture.Arm64 : Architecture.X64);
        return native ? (path, []) : ("qemu-" + (architecture == "arm64" ? "aarch64" : "x86_64"), [path]);
    }
}
