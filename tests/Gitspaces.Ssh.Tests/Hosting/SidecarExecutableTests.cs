using Gitspaces.Ssh.Hosting;
using Xunit;

namespace Gitspaces.Ssh.Tests.Hosting;

public class SidecarExecutableTests
{
    [Fact]
    public void The_apphost_is_the_command()
    {
        Assert.Equal(["/opt/gitspaces/gitspaces"], SidecarExecutable.Resolve("/opt/gitspaces/gitspaces", "/opt/gitspaces/gitspaces.dll", _ => true));
    }

    [Fact]
    public void Under_dotnet_the_apphost_next_to_the_dll_is_preferred()
    {
        Assert.Equal(["/opt/gs/gitspaces"], SidecarExecutable.Resolve("/usr/share/dotnet/dotnet", "/opt/gs/gitspaces.dll", path => path == "/opt/gs/gitspaces"));
    }

    [Fact]
    public void Under_dotnet_without_an_apphost_it_is_dotnet_and_the_dll()
    {
        Assert.Equal(["/usr/share/dotnet/dotnet", "/opt/gs/gitspaces.dll"], SidecarExecutable.Resolve("/usr/share/dotnet/dotnet", "/opt/gs/gitspaces.dll", _ => false));
    }

    [Fact]
    public void The_running_process_resolves_to_an_existing_absolute_program()
    {
        var command = SidecarExecutable.CurrentCommand();

        Assert.True(Path.IsPathFullyQualified(command[0]));
        Assert.True(File.Exists(command[0]));
    }

    [Fact]
    public void The_proxy_is_the_native_gitspaces_ssh_proxy_when_it_sits_next_to_the_sidecar()
    {
        var native = Path.Combine("/opt/gs", NativeProxyFile);

        Assert.Equal([native], SidecarExecutable.ResolveProxy(["/opt/gs/gitspaces"], path => path == native));
    }

    [Fact]
    public void Without_the_native_proxy_the_proxy_is_the_sidecar_itself()
    {
        Assert.Equal(["/opt/gs/gitspaces"], SidecarExecutable.ResolveProxy(["/opt/gs/gitspaces"], _ => false));
    }

    [Fact]
    public void Under_dotnet_the_native_proxy_is_looked_for_next_to_the_dll()
    {
        var looked = new List<string>();
        var native = Path.Combine("/opt/gs", NativeProxyFile);

        Assert.Equal([native], SidecarExecutable.ResolveProxy(["/usr/share/dotnet/dotnet", "/opt/gs/gitspaces.dll"], path => { looked.Add(path); return path == native; }));
        Assert.Equal(["/usr/share/dotnet/dotnet", "/opt/gs/gitspaces.dll"], SidecarExecutable.ResolveProxy(["/usr/share/dotnet/dotnet", "/opt/gs/gitspaces.dll"], _ => false));
        Assert.Equal([native], looked);
    }

    [Fact]
    public void The_running_test_host_has_no_native_proxy_beside_it_so_the_proxy_is_the_host()
    {
        Assert.Equal(SidecarExecutable.CurrentCommand(), SidecarExecutable.ProxyCommand());
    }

    [Fact]
    public void A_native_proxy_without_an_execute_bit_does_not_count()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // No execute bits there: existing is enough.
        }

        using var folder = new Support.TempDirectory();
        var file = folder.Combine(NativeProxyFile);
        File.WriteAllBytes(file, [0x7f]);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var withoutBit = SidecarExecutable.IsRunnable(file);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.False(withoutBit);
        Assert.True(SidecarExecutable.IsRunnable(file));
        Assert.False(SidecarExecutable.IsRunnable(folder.Combine("missing")));
    }

    private static string NativeProxyFile => SidecarExecutable.NativeProxyName + (OperatingSystem.IsWindows() ? ".exe" : string.Empty);
}
