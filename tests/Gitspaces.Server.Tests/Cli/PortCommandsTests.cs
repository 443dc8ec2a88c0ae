using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using Gitspaces.Server.Cli;

namespace Gitspaces.Server.Tests.Cli;

/// <summary>The port argument of <c>gitspaces forward</c>: <c>PORT</c> or <c>PORT:LOCAL</c>.</summary>
public sealed class PortCommandsTests
{
    [Theory]
    [InlineData("3000", 3000, null)]
    [InlineData("3000:8080", 3000, 8080)]
    [InlineData("65535:1", 65535, 1)]
    public void A_port_and_an_optional_local_port_are_read(string value, int port, int? local) =>
        Assert.Equal((port, local), PortCommands.ParseSpec(value));

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("3000:")]
    [InlineData("db:5432")]
    [InlineData("1:2:3")]
    [InlineData("-1")]
    public void Anything_else_is_refused_naming_the_form(string value)
    {
        var error = Assert.Throws<GitspaceException>(() => PortCommands.ParseSpec(value));
        Assert.Equal(ErrorCodes.InvalidParams, error.Code);
        Assert.Contains("PORT or PORT:LOCALPORT", error.Message, StringComparison.Ordinal);
    }
}
