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
}
