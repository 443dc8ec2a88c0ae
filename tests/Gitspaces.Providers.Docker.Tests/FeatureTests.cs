using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

[Collection(DockerTests.Name)]
public sealed class FeatureTests(DockerEnvironment environment)
{
    private const string AccountFeature = """
        {
          "id": "account", "version": "1.0.0", "name": "Account",
          "options": { "uid": { "type": "string", "default": "1500" } }
        }
        """;

    private const string AccountInstall = """
        #!/bin/sh
        set -e
        useradd -m -u "$UID" dev
        echo account > /opt-order
        """;

    private const string GreeterFeature = """
        {
          // JSONC like devcontainer.json.
          "id": "greeter", "version": "2.1.0", "name": "Greeter",
          "options": {
            "greeting": { "type": "string", "default": "hello", "proposals": ["hello", "hola"] },
            "loud": { "type": "boolean", "default": false },
            "option-name": { "type": "string", "default": "from-default" },
            "flavour": { "type": "string", "enum": ["plain", "fancy"], "default": "plain" }
          },
          "installsAfter": ["./account"],
          "containerEnv": { "GREETER_HOME": "/opt/greeter", "PATH": "/opt/greeter/bin:${PATH}" },
          "capAdd": ["SYS_PTRACE"],
          "securityOpt": ["seccomp=unconfined"],
          "init": true,
          "entrypoint": "/opt/greeter/entrypoint.sh",
          "mounts": [{ "type": "volume", "target": "/greeter-cache" }],
          "postCreateCommand": "echo feature-postcreate as $(id -un)"
        }
        """;

    private const string GreeterInstall = """
        #!/bin/sh
        set -e
        mkdir -p /opt/greeter/bin
        echo "$GREETING $LOUD $OPTION_NAME $FLAVOUR|$_REMOTE_USER|$_REMOTE_USER_HOME|$_CONTAINER_USER|$_CONTAINER_USER_HOME|$GREETER_HOME" > /opt/greeter/install-env
        printf '#!/bin/sh\necho greeter-says-%s\n' "$GREETING" > /opt/greeter/bin/greet
        printf '#!/bin/sh\ntouch /tmp/greeter-entrypoint-ran\n' > /opt/greeter/entrypoint.sh
        chmod +x /opt/greeter/bin/greet /opt/greeter/entrypoint.sh
        echo greeter >> /opt-order
        echo greeter-install-done
        """;

    [Fact]
    public async Task LocalFeaturesInstallInOrderWithOptionsUsersAndMetadata_AndASecondGitspaceReusesTheImage()
    {
        var repo = environment.Repository("features-local", Configs.Files(
            Configs.Image("""
                "features": {
                  "./greeter": { "greeting": "hola", "loud": true },
                  "./account": {}
                },
                "remoteUser": "dev",
                "postCreateCommand": "echo config-postcreate",
                """),
            (".devcontainer/greeter/devcontainer-feature.json", GreeterFeature),
            (".devcontainer/greeter/install.sh", GreeterInstall),
            (".devcontainer/account/devcontainer-feature.json", AccountFeature),
            (".devcontainer/account/install.sh", AccountInstall)));
        using var sandbox = new Sandbox();
        var first = environment.Name("feat1");
        var second = environment.Name("feat2");

        var created = await sandbox.CreateAsync(first, repo);

        Assert.Equal(GitspaceState.Running, created.State);
        Assert.Equal("dev", created.RemoteUser);
        var container = "gitspace-" + first;

        // installsAfter puts ./account first although it is listed second; options, defaults and builtin users reach install.sh.
        Assert.Equal("account\ngreeter", DockerCli.Docker("exec", container, "cat", "/opt-order"));
        Assert.Equal("hola true from-default plain|dev||root|/root|/opt/greeter", DockerCli.Docker("exec", container, "cat", "/opt/greeter/install-env"));
        Assert.Equal("greeter-says-hola", DockerCli.Docker("exec", container, "greet"));
        Assert.Equal(string.Empty, DockerCli.Docker("exec", container, "test", "-f", "/tmp/greeter-entrypoint-ran"));
        Assert.Equal("true", DockerCli.Docker("inspect", "-f", "{{.HostConfig.Init}}", container));
        Assert.Contains("SYS_PTRACE", DockerCli.Docker("inspect", "-f", "{{.HostConfig.CapAdd}}", container), StringComparison.Ordinal);
        Assert.Contains("seccomp=unconfined", DockerCli.Docker("inspect", "-f", "{{.HostConfig.SecurityOpt}}", container), StringComparison.Ordinal);
        Assert.Contains("/greeter-cache", DockerCli.Docker("inspect", "-f", "{{range .Mounts}}{{.Destination}} {{end}}", container), StringComparison.Ordinal);
        Assert.StartsWith("/opt/greeter/bin:", DockerCli.Docker("exec", container, "printenv", "PATH"), StringComparison.Ordinal);

        // Feature lifecycle commands run first, as the remote user; the image label holds one entry per Feature, the container's devcontainer.json's too.
        var log = sandbox.LogText(first);
        var featureLine = log.ToList().FindIndex(l => l == "feature-postcreate as dev");
        Assert.True(featureLine >= 0 && featureLine < log.ToList().IndexOf("config-postcreate"), string.Join('\n', log));
        Assert.Contains("greeter-install-done", log);
        var image = DockerCli.Docker("inspect", "-f", "{{.Config.Image}}", container);
        Assert.StartsWith("gitspaces-features:", image, StringComparison.Ordinal);
        var imageEntries = JsonNode.Parse(DockerCli.Docker("image", "inspect", "-f", "{{index .Config.Labels \"devcontainer.metadata\"}}", image))!.AsArray();
        Assert.Equal(["./account", "./greeter"], imageEntries.Select(e => e!["id"]!.GetValue<string>()));
        Assert.Equal("echo feature-postcreate as $(id -un)", imageEntries[1]!["postCreateCommand"]!.GetValue<string>());
        Assert.Null(imageEntries[1]!["containerEnv"]);
        var containerEntries = JsonNode.Parse(DockerCli.Docker("inspect", "-f", "{{index .Config.Labels \"devcontainer.metadata\"}}", container))!.AsArray();
        Assert.Equal(3, containerEntries.Count);
        Assert.Equal("dev", containerEntries[2]!["remoteUser"]!.GetValue<string>());

        var events = (await sandbox.Service.GetEventsAsync(first, CancellationToken.None)).ToList();
        Assert.Equal(
            ["Installing Feature ./account...", "Installed Feature ./account", "Installing Feature ./greeter...", "Installed Feature ./greeter"],
            events.Where(e => e.Type is EventTypes.FeatureInstallStart or EventTypes.FeatureInstallCompleted).Select(e => e.Message));

        // The same configuration elsewhere gets the same image, without building.
        await sandbox.CreateAsync(second, repo);
        Assert.Equal(image, DockerCli.Docker("inspect", "-f", "{{.Config.Image}}", "gitspace-" + second));
        Assert.Contains(
            (await sandbox.Service.GetEventsAsync(second, CancellationToken.None)).Where(e => e.Type == EventTypes.FeatureInstallCompleted),
            e => e.Message.StartsWith("Features already installed in " + image, StringComparison.Ordinal));

        // A derived image goes with the last gitspace that uses it, and so does the /etc/passwd kept for it.
        var cachedPasswd = Path.Combine(sandbox.Paths.DataDirectory, "docker", "images", DockerCli.Docker("image", "inspect", "-f", "{{.Id}}", image).Replace(':', '-') + ".passwd");
        Assert.True(File.Exists(cachedPasswd));
        await sandbox.Service.DeleteAsync(first, null, CancellationToken.None);
        Assert.True(DockerCli.Exists("image", image));
        Assert.True(File.Exists(cachedPasswd));
        await sandbox.Service.DeleteAsync(second, null, CancellationToken.None);
        Assert.False(DockerCli.Exists("image", image));
        Assert.False(File.Exists(cachedPasswd));
    }

    [Fact]
    public async Task AnOciFeatureComesFromARegistryWithTheUsersDockerLogin()
    {
        await using var registry = await LocalRegistry.StartAsync(requireBasicAuth: true);
        await registry.PushFeatureAsync("features/stamp", "1", StampTarball());
        var repo = environment.Repository("features-oci", Configs.Files(Configs.Image($$"""
            "features": { "{{registry.Address}}/features/stamp:1": "2.5" },
            """)));
        using var sandbox = new Sandbox();
        var docker = Directory.CreateDirectory(Path.Combine(sandbox.UserHome, ".docker")).FullName;
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{LocalRegistry.UserName}:{LocalRegistry.Password}"));
        await File.WriteAllTextAsync(Path.Combine(docker, "config.json"), $$"""{ "auths": { "{{registry.Address}}": { "auth": "{{auth}}" } } }""");
        var id = environment.Name("featoci");

        await sandbox.CreateAsync(id, repo);

        // The string value is the Feature's version option.
        Assert.Equal("stamp 2.5", DockerCli.Docker("exec", "gitspace-" + id, "cat", "/stamp"));
        Assert.DoesNotContain(sandbox.LogText(id), l => l.Contains(LocalRegistry.Password, StringComparison.Ordinal));
        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
    }

    [Fact]
    public async Task ATarballFeatureComesFromItsUrl()
    {
        var port = LoopbackPort.Unused();
        using var server = new System.Net.HttpListener();
        server.Prefixes.Add($"http://127.0.0.1:{port}/");
        server.Start();
        var tarball = StampTarball();
        var serving = Task.Run(async () =>
        {
            var request = await server.GetContextAsync();
            request.Response.StatusCode = request.Request.Url!.AbsolutePath == "/releases/devcontainer-feature-stamp.tgz" ? 200 : 404;
            await request.Response.OutputStream.WriteAsync(tarball);
            request.Response.Close();
        });
        var repo = environment.Repository("features-tarball", Configs.Files(Configs.Image($$"""
            "features": { "http://127.0.0.1:{{port}}/releases/devcontainer-feature-stamp.tgz": { "version": "3.0" } },
            """)));
        using var sandbox = new Sandbox();
        var id = environment.Name("feattgz");

        await sandbox.CreateAsync(id, repo);
        await serving;

        Assert.Equal("stamp 3.0", DockerCli.Docker("exec", "gitspace-" + id, "cat", "/stamp"));
        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
    }

    [Fact]
    public async Task AMissingFeatureOrABadOptionIsDevcontainerInvalidBeforeAnythingIsBuilt()
    {
        var missing = environment.Repository("features-missing", Configs.Files(Configs.Image("""
            "features": { "./not-there": {} },
            """)));
        var badOption = environment.Repository("features-badoption", Configs.Files(
            Configs.Image("""
                "features": { "./greeter": { "loud": "very", "flavour": "odd" } },
                """),
            (".devcontainer/greeter/devcontainer-feature.json", GreeterFeature),
            (".devcontainer/greeter/install.sh", GreeterInstall)));
        using var sandbox = new Sandbox();

        var notFound = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(environment.Name("featmiss"), missing));
        var invalid = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(environment.Name("featbad"), badOption));

        Assert.Equal(ErrorCodes.DevcontainerInvalid, notFound.Code);
        Assert.Contains("\"./not-there\" not found", notFound.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.DevcontainerInvalid, invalid.Code);
        Assert.Contains("option \"loud\" is a boolean option; \"very\" is neither true nor false", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("option \"flavour\" must be one of \"plain\", \"fancy\", not \"odd\"", invalid.Message, StringComparison.Ordinal);
        await sandbox.AssertNothingLeftAsync(environment.Name("featmiss"));
        await sandbox.AssertNothingLeftAsync(environment.Name("featbad"));
    }

    [Fact]
    public async Task AFailingInstallScriptNamesTheFeatureWithTheLogTailAndLeavesNothing()
    {
        var repo = environment.Repository("features-failing", Configs.Files(
            Configs.Image("""
                "features": { "./broken": {} },
                """),
            (".devcontainer/broken/devcontainer-feature.json", """{ "id": "broken", "version": "0.1.0", "name": "Broken tool" }"""),
            (".devcontainer/broken/install.sh", "#!/bin/sh\necho about-to-fail\nexit 7\n")));
        using var sandbox = new Sandbox();
        var id = environment.Name("featfail");

        var error = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(id, repo));

        Assert.Equal(ErrorCodes.OperationFailed, error.Code);
        Assert.Equal("feature_install", error.Details.Step);
        Assert.Contains("Installing the Feature ./broken (Broken tool) failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("about-to-fail", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Details.Log!, l => l.Contains("ERROR: Feature \"Broken tool\" (./broken) failed to install!", StringComparison.Ordinal));
        Assert.Contains(sandbox.Events, e => e.Id == id && e.Event.Type == EventTypes.FeatureInstallFailed);

        // The image failed before a container existed: nothing is left, and the same request can be sent again.
        await sandbox.AssertNothingLeftAsync(id);
    }

    private static byte[] StampTarball()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new TarWriter(gzip, leaveOpen: true))
        {
            void Add(string name, string text) => writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
            Add("./devcontainer-feature.json", """{ "id": "stamp", "version": "1.0.0", "name": "Stamp", "options": { "version": { "type": "string", "default": "latest" } } }""");
            Add("./install.sh", "#!/bin/sh\necho \"stamp $VERSION\" > /stamp\n");
        }

        return output.ToArray();
    }
}
