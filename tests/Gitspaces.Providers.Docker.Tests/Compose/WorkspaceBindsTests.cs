using Gitspaces.Compose;
using Gitspaces.Core.Errors;
using Gitspaces.Providers.Docker.Compose;

namespace Gitspaces.Providers.Docker.Tests.Compose;

public sealed class WorkspaceBindsTests
{
    private const string Parent = "/state/docker/clones/g";
    private const string Mountpoint = "/var/lib/docker/volumes/gitspace-g-workspace/_data";

    [Fact]
    public void TheRepositorysParentIsTheVolume_TheRepositoryAndItsFoldersAreFoldersOfIt_OtherBindsStay()
    {
        var service = new ComposeService
        {
            Name = "app",
            Volumes =
            [
                new ComposeMount("bind", Parent, "/workspaces", false),
                new ComposeMount("bind", Parent + "/shop", "/workspace", false),
                new ComposeMount("bind", Parent + "/shop/src", "/src", true),
                new ComposeMount("bind", "/home/me/.aws", "/root/.aws", true),
                new ComposeMount("volume", "data", "/data", false),
            ],
        };

        var (volumes, repository) = WorkspaceBinds.Map(service, Parent + "/shop", "shop", "gitspace-g-workspace", Mountpoint, "c.json");

        Assert.Equal(["gitspace-g-workspace:/workspaces", Mountpoint + "/shop:/workspace", Mountpoint + "/shop/src:/src:ro"], volumes);
        Assert.Equal("/workspaces/shop", repository);
    }

    [Fact]
    public void AServiceThatMountsOnlyTheRepository_SeesItAtThatTarget()
    {
        var service = new ComposeService { Name = "app", Volumes = [new ComposeMount("bind", Parent + "/shop/", "/workspace", false)] };

        var (volumes, repository) = WorkspaceBinds.Map(service, Parent + "/shop", "shop", "v", Mountpoint, "c.json");

        Assert.Equal([Mountpoint + "/shop:/workspace"], volumes);
        Assert.Equal("/workspace", repository);
    }

    [Fact]
    public void ALocalFolderReadOnRebuild_MapsToTheClonesNameInTheVolume()
    {
        // Rebuild of a local folder reads /home/me/shop-local; the volume keeps the repository under the clone's name.
        var service = new ComposeService
        {
            Name = "app",
            Volumes =
            [
                new ComposeMount("bind", "/home/me", "/workspaces", false),
                new ComposeMount("bind", "/home/me/shop-local/src", "/src", false),
            ],
        };

        var (volumes, repository) = WorkspaceBinds.Map(service, "/home/me/shop-local", "shop", "v", Mountpoint, "c.json");

        Assert.Equal(["v:/workspaces", Mountpoint + "/shop/src:/src"], volumes);
        Assert.Equal("/workspaces/shop", repository);
    }

    [Fact]
    public void AFolderAboveTheRepositorysParentIsRefused_ItWouldShowTheStateFolder()
    {
        var service = new ComposeService { Name = "app", Volumes = [new ComposeMount("bind", "/state/docker", "/x", false)] };

        var error = Assert.Throws<GitspaceException>(() => WorkspaceBinds.Map(service, Parent + "/shop", "shop", "v", Mountpoint, "c.json"));

        Assert.Contains("/state/docker", error.Message, StringComparison.Ordinal);
    }
}
