using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Users;

namespace Gitspaces.DevContainers.Tests.Users;

public sealed class RemoteUserUidTests
{
    [Theory]
    [InlineData(null, "dev", true, true, true, "")]
    [InlineData(null, "dev", false, true, false, "the workspace is a volume and no mount binds a host folder")]
    [InlineData(true, "dev", false, true, true, "")]
    [InlineData(false, "dev", true, true, false, "updateRemoteUserUID is false")]
    [InlineData(null, "root", true, true, false, "the remote user is root")]
    [InlineData(true, "1000", true, true, false, "the remote user is a numeric id")]
    [InlineData(true, "dev", true, false, false, "only a Linux host with a local engine shares file owners with the container")]
    public void RunsOnlyWhereOwnersAreShared(bool? setting, string user, bool bindMount, bool linuxLocal, bool needed, string reason)
    {
        JsonNode[] mounts = bindMount
            ? [JsonValue.Create("type=bind,source=/home/me/data,target=/data")!, new JsonObject { ["type"] = "volume", ["target"] = "/cache" }]
            : [new JsonObject { ["type"] = "volume", ["target"] = "/cache" }];

        Assert.Equal(needed, RemoteUserUid.IsNeeded(setting, user, mounts, linuxLocal, out var why));
        Assert.Equal(reason, why);
    }

    [Fact]
    public void RecognisesBindMountsInBothForms()
    {
        Assert.True(RemoteUserUid.IsBindMount(JsonValue.Create("source=/a, type=bind ,target=/b")));
        Assert.True(RemoteUserUid.IsBindMount(new JsonObject { ["type"] = "bind", ["source"] = "/a", ["target"] = "/b" }));
        Assert.False(RemoteUserUid.IsBindMount(JsonValue.Create("type=volume,source=bind,target=/b")));
    }
}
