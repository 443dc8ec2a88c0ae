using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Variables;

namespace Gitspaces.DevContainers.Tests.Variables;

public sealed class VariableSubstitutionTests
{
    private static readonly LocalSubstitutionContext Context = new()
    {
        Environment = new Dictionary<string, string> { ["SET"] = "value", ["EMPTY"] = string.Empty },
        LocalWorkspaceFolder = "/home/me/repo",
        ContainerWorkspaceFolder = "/workspaces/${localWorkspaceFolderBasename}",
        IsWindows = false,
    };

    [Theory]
    [InlineData("${localEnv:SET}", "value")]
    [InlineData("${env:SET}", "value")]
    [InlineData("[${localEnv:UNSET}]", "[]")]
    [InlineData("${localEnv:UNSET:fallback}", "fallback")]
    [InlineData("[${localEnv:EMPTY:fallback}]", "[]")]
    [InlineData("${localEnv:UNSET:http://h:8080}", "http")]
    [InlineData("${localWorkspaceFolder}", "/home/me/repo")]
    [InlineData("${localWorkspaceFolderBasename}", "repo")]
    [InlineData("${containerWorkspaceFolder}", "/workspaces/repo")]
    [InlineData("${containerWorkspaceFolderBasename}", "repo")]
    [InlineData("${devcontainerId} ${containerEnv:PATH} ${workspaceFolder} $${x}", "${devcontainerId} ${containerEnv:PATH} ${workspaceFolder} $${x}")]
    [InlineData("${localEnv:SET}}", "value}")]
    [InlineData("${localEnv:SET", "${localEnv:SET")]
    [InlineData("${a\n${localEnv:SET}", "${a\nvalue")]
    [InlineData("${a\u2028b} ${localEnv:SET}", "${a\u2028b} value")]
    [InlineData("${x${localEnv:SET}", "${x${localEnv:SET}")]
    [InlineData("$${localEnv:SET}${localEnv:SET}", "$valuevalue")]
    public void ResolvesConfigReadVariablesAsTheReference(string input, string expected)
        => Assert.Equal(expected, VariableSubstitution.SubstituteLocal(input, Context));

    [Fact]
    public void NeverSubstitutesKeysNumbersOrBooleans()
    {
        var input = JsonNode.Parse("""{ "${localEnv:SET}": ["${localEnv:SET}", 1, true, null, { "k": "${localEnv:SET}" }] }""");

        var output = VariableSubstitution.SubstituteLocal(input, Context)!;

        Assert.Equal("""{"${localEnv:SET}":["value",1,true,null,{"k":"value"}]}""", output.ToJsonString());
        Assert.Equal("${localEnv:SET}", input!["${localEnv:SET}"]![0]!.GetValue<string>());
    }

    [Fact]
    public void ANamelessLocalEnvFailsAsInTheReference()
    {
        var error = Assert.Throws<VariableException>(() => VariableSubstitution.SubstituteLocal("${localEnv}", Context));
        Assert.Contains("no environment variable name is given", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WindowsHostsMatchEnvironmentNamesIgnoringCase()
    {
        var windows = new LocalSubstitutionContext { Environment = new Dictionary<string, string> { ["Path"] = "C:\\bin" }, IsWindows = true };
        Assert.Equal("C:\\bin", VariableSubstitution.SubstituteLocal("${localEnv:PATH}", windows));
    }

    [Fact]
    public void DevcontainerIdAndContainerEnvResolveInTheirOwnPhases()
    {
        var config = JsonNode.Parse("""{ "mounts": ["source=cache-${devcontainerId},target=/c"], "remoteEnv": { "P": "${containerEnv:PATH}:/x", "D": "${containerEnv:NOPE:dflt}" } }""");

        var beforeContainer = VariableSubstitution.SubstituteDevContainerId(config, "abc");
        var inContainer = VariableSubstitution.SubstituteContainerEnv(beforeContainer, new Dictionary<string, string> { ["PATH"] = "/usr/bin" })!;

        Assert.Equal("source=cache-abc,target=/c", inContainer["mounts"]![0]!.GetValue<string>());
        Assert.Equal("/usr/bin:/x", inContainer["remoteEnv"]!["P"]!.GetValue<string>());
        Assert.Equal("dflt", inContainer["remoteEnv"]!["D"]!.GetValue<string>());
    }
}
