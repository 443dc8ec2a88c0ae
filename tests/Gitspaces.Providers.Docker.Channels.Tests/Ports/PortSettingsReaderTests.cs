using Gitspaces.Core.Ports;

namespace Gitspaces.Providers.Docker.Channels.Tests.Ports;

/// <summary>Port settings from the devcontainer.metadata label, merged as the reference merges them.</summary>
public sealed class PortSettingsReaderTests
{
    [Fact]
    public void ForwardPortsAreTheUnionInOrder_WithLocalhostAndNumbersAsOne_AndServicePortsKept()
    {
        var settings = PortSettingsReader.Read("""
            [ { "id": "feature", "forwardPorts": [8080, "localhost:3000"] },
              { "forwardPorts": [3000, "db:5432", "127.0.0.1:9000", 0, 70000, "nope"] } ]
            """);

        Assert.Equal([new ConfiguredPort(8080), new ConfiguredPort(3000), new ConfiguredPort(5432, "db"), new ConfiguredPort(9000)], settings.Forward);
    }

    [Fact]
    public void TheFirstMatchingPortsAttributesEntryApplies_ElseOtherPortsAttributes_ElseTheDefaults()
    {
        var settings = PortSettingsReader.Read("""
            [ { "portsAttributes": { "3000": { "label": "Old" } }, "otherPortsAttributes": { "onAutoForward": "ignore" } },
              { "portsAttributes": { "3000": { "label": "Web", "onAutoForward": "openBrowser", "protocol": "https", "requireLocalPort": true },
                                     "40000-40010": { "label": "Range", "onAutoForward": "bogus" },
                                     "node .*": { "label": "By process" } } } ]
            """);

        var web = settings.AttributesOf(3000);
        Assert.Equal("Web", web.Label);
        Assert.Equal("openBrowser", web.OnAutoForward);
        Assert.Equal("https", web.Protocol);
        Assert.True(web.RequireLocalPort);
        Assert.Equal("Range", settings.AttributesOf(40005).Label);
        Assert.Equal("notify", settings.AttributesOf(40005).OnAutoForward);
        Assert.Equal("ignore", settings.AttributesOf(8080).OnAutoForward);
        Assert.Null(settings.AttributesOf(8080).Label);
        Assert.Equal(2, settings.Rules.Count);
    }

    [Fact]
    public void AMissingOrBrokenLabelNamesNoPorts()
    {
        Assert.Same(PortSettings.None, PortSettingsReader.Read(null));
        Assert.Same(PortSettings.None, PortSettingsReader.Read("[ not json"));
        Assert.Equal("notify", PortSettingsReader.Read("[]").AttributesOf(80).OnAutoForward);
        Assert.Equal("http", PortSettings.None.AttributesOf(80).Protocol);
    }
}
