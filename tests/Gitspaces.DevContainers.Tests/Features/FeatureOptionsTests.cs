using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Features;

namespace Gitspaces.DevContainers.Tests.Features;

public sealed class FeatureOptionsTests
{
    private static readonly FeatureDefinition Python = FeatureDefinition.Parse("""
        {
          // comments are allowed, as the reference parses leniently
          "id": "python", "version": "1.0.0",
          "options": {
            "version": { "type": "string", "default": "3.12", "proposals": ["3.10"] },
            "pip": { "type": "boolean", "default": true },
            "optimize": { "type": "boolean", "default": true },
            "install-tools": { "type": "string", "enum": ["yes", "no"], "default": "yes" },
          },
        }
        """);

    [Theory]
    [InlineData("optionName", "OPTIONNAME")]
    [InlineData("option-name", "OPTION_NAME")]
    [InlineData("1opt", "_OPT")]
    [InlineData("__x.y", "_X_Y")]
    public void NamesVariablesAsGetSafeId(string option, string expected) => Assert.Equal(expected, FeatureOptions.SafeId(option));

    [Fact]
    public void ExportsDefaultsOverlaidWithTheUsersOptions()
    {
        var lines = FeatureOptions.EnvironmentLines(Python, JsonNode.Parse("""{"version":"3.10","pip":false,"extra":"kept"}"""));

        Assert.Equal(["VERSION=\"3.10\"", "PIP=\"false\"", "OPTIMIZE=\"true\"", "INSTALL_TOOLS=\"yes\"", "EXTRA=\"kept\""], lines);
    }

    [Theory]
    [InlineData("\"3.9\"", "VERSION=\"3.9\"")]
    [InlineData("true", "VERSION=\"true\"")]
    [InlineData("false", "VERSION=\"false\"")]
    public void AShorthandValueIsTheVersionOption(string value, string expected)
        => Assert.Equal(expected, FeatureOptions.EnvironmentLines(Python, JsonNode.Parse(value))[0]);

    [Fact]
    public void AShorthandValueIsIgnoredWithoutAVersionOption()
    {
        var noVersion = FeatureDefinition.Parse("""{"id":"x","options":{"flag":{"type":"boolean","default":false}}}""");
        Assert.Equal(["FLAG=\"false\""], FeatureOptions.EnvironmentLines(noVersion, JsonValue.Create("1.0")));
    }

    [Fact]
    public void ReadsTheFeaturesContributions()
    {
        var feature = FeatureDefinition.Parse("""
            { "id": "d", "containerEnv": { "PATH": "/go/bin:${PATH}" }, "privileged": true, "init": true, "capAdd": ["NET_ADMIN"],
              "entrypoint": "/usr/local/share/docker-init.sh", "mounts": [{ "source": "dind-var-lib-docker-${devcontainerId}", "target": "/var/lib/docker", "type": "volume" }],
              "postStartCommand": ["/start.sh"], "installsAfter": ["ghcr.io/devcontainers/features/common-utils"], "legacyIds": ["docker-in-docker"] }
            """);

        Assert.Equal("/go/bin:${PATH}", feature.ContainerEnv["PATH"]);
        Assert.True(feature.Privileged && feature.Init);
        Assert.Equal("type=volume,src=dind-var-lib-docker-${devcontainerId},dst=/var/lib/docker", feature.Mounts[0].ToMountArgument());
        Assert.Equal(["/start.sh"], feature.LifecycleHooks["postStartCommand"].Arguments);
        Assert.Equal(["docker-in-docker"], feature.LegacyIds);
    }
}
