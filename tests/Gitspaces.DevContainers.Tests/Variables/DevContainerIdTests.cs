using Gitspaces.DevContainers.Variables;

namespace Gitspaces.DevContainers.Tests.Variables;

public sealed class DevContainerIdTests
{
    [Theory]
    [InlineData("0ns9efvs2cg80a2avksvk7nqv06jrab7n2918j79h49700ucligl", "devcontainer.local_folder", "/home/user/project", "devcontainer.config_file", "/home/user/project/.devcontainer/devcontainer.json")]
    [InlineData("0636es7m5ebjgb0oj6blb2nml0jvfssiq8i04fehmfvlfp61dlgn", "devcontainer.local_folder", "/home/user/project")]
    [InlineData("023vobr25ts1m346ifkikht51n9s0hv8gv33nu6jp0b65ftek2kr", "devcontainer.local_folder", "/home/josé/proj", "devcontainer.config_file", "/home/josé/proj/.devcontainer.json")]
    [InlineData("16num3pb40viagoiti6uqh0t0ccbfgqcavs6inmu8b922mhgo2b0", "a", "1")]
    public void MatchesTheReferenceVectors(string expected, params string[] labels)
    {
        var dictionary = new Dictionary<string, string>();
        for (var i = 0; i < labels.Length; i += 2)
        {
            dictionary[labels[i]] = labels[i + 1];
        }

        Assert.Equal(expected, DevContainerId.Compute(dictionary));
    }

    [Fact]
    public void LabelOrderDoesNotMatterButLabelsDo()
    {
        var a = new Dictionary<string, string> { ["x"] = "1", ["y"] = "2" };
        var b = new Dictionary<string, string> { ["y"] = "2", ["x"] = "1" };
        var c = new Dictionary<string, string> { ["y"] = "2", ["x"] = "1", ["z"] = "3" };

        Assert.Equal(DevContainerId.Compute(a), DevContainerId.Compute(b));
        Assert.NotEqual(DevContainerId.Compute(a), DevContainerId.Compute(c));
        Assert.Matches("^[0-9a-v]{52}$", DevContainerId.Compute(c));
    }
}
