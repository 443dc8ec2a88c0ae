using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

[Collection(DockerTests.Name)]
public sealed class RemoteUserUidTests(DockerEnvironment environment)
{
    [Fact]
    public async Task ABindMountOfAHostFolderGetsTheUidImage_AVolumeOnlyWorkspaceDoesNot()
    {
        var hostFolder = Gitspaces.TestSupport.TempDirectory.Create("uid-bind");
        var dockerfile = "FROM " + DockerEnvironment.BaseImage + "\nRUN useradd -m -u 1500 dev\n";
        var features = """
            "features": { "./marker": {} },
            "remoteUser": "dev",
            """;
        var bound = environment.Repository("uid-bind", Configs.Files(
            $$"""{ "build": { "dockerfile": "Dockerfile" }, {{features}} "mounts": ["type=bind,source={{hostFolder}},target=/host-data"] }""",
            (".devcontainer/Dockerfile", dockerfile),
            (".devcontainer/marker/devcontainer-feature.json", """{ "id": "marker", "version": "1.0.0" }"""),
            (".devcontainer/marker/install.sh", "#!/bin/sh\ntouch /marker\n")));
        var volumeOnly = environment.Repository("uid-volume", Configs.Files($$"""{ "image": "{{DockerEnvironment.BaseImage}}", "remoteUser": "root" }"""));
        using var sandbox = new Sandbox();
        var withBind = environment.Name("uidbind");
        var withVolume = environment.Name("uidvol");

        var created = await sandbox.CreateAsync(withBind, bound);

        // The Dockerfile's image, then the Features on top, then the UID image on top of that.
        Assert.Equal(GitspaceState.Running, created.State);
        var container = "gitspace-" + withBind;
        var uidImage = DockerCli.Docker("inspect", "-f", "{{.Config.Image}}", container);
        Assert.StartsWith("gitspaces-uid:", uidImage, StringComparison.Ordinal);
        Assert.Equal(string.Empty, DockerCli.Docker("exec", container, "test", "-f", "/marker"));
        var host = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];
        var log = sandbox.LogText(withBind);
        var expected = host == "0" ? "UID 0 belongs to root: dev is left alone." : $"Changing dev from 1500:1500 to {host}:";
        Assert.Contains(log, l => l.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(host == "0" ? "1500" : host, DockerCli.Docker("exec", container, "id", "-u", "dev"));

        await sandbox.CreateAsync(withVolume, volumeOnly);
        Assert.Equal(DockerEnvironment.BaseImage, DockerCli.Docker("inspect", "-f", "{{.Config.Image}}", "gitspace-" + withVolume));

        await sandbox.Service.DeleteAsync(withBind, null, CancellationToken.None);
        await sandbox.Service.DeleteAsync(withVolume, null, CancellationToken.None);
        Assert.False(DockerCli.Exists("image", uidImage));
    }

    [Fact]
    public async Task ANonRootUserWithOnlyTheWorkspaceVolumeKeepsItsUidAndTheLogSaysWhy()
    {
        var repo = environment.Repository("uid-skip", Configs.Files(
            """{ "build": { "dockerfile": "Dockerfile" }, "remoteUser": "dev" }""",
            (".devcontainer/Dockerfile", "FROM " + DockerEnvironment.BaseImage + "\nRUN useradd -m -u 1500 dev\n")));
        using var sandbox = new Sandbox();
        var id = environment.Name("uidskip");

        await sandbox.CreateAsync(id, repo);

        Assert.Contains("updateRemoteUserUID: dev keeps the image's UID/GID (the workspace is a volume and no mount binds a host folder).", sandbox.LogText(id));
        Assert.Equal("1500", DockerCli.Docker("exec", "gitspace-" + id, "id", "-u", "dev"));
        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
    }
}
