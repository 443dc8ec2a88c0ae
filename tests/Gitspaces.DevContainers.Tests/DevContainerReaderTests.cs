using System.Diagnostics;
using System.Text;
using Gitspaces.DevContainers.Model;
using Gitspaces.TestSupport;

namespace Gitspaces.DevContainers.Tests;

public sealed class DevContainerReaderTests
{
    private static readonly DevContainerReadOptions Options = new() { LocalEnvironment = new Dictionary<string, string> { ["USER"] = "me" } };

    private readonly string workspace = TempDirectory.Create("reader");

    [Fact]
    public async Task ListsCandidatesAndReadsAnExplicitSubfolderConfig()
    {
        this.Write(".devcontainer/devcontainer.json", """{ "image": "a" }""");
        this.Write(".devcontainer.json", """{ "image": "b" }""");
        this.Write(".devcontainer/python/devcontainer.json", """{ "image": "python", "build": { "dockerfile": "../Dockerfile" } }""");
        this.Write(".devcontainer/Dockerfile", "FROM python");

        var result = await DevContainerReader.ReadAsync(this.workspace, ".devcontainer/python/devcontainer.json", Options);

        Assert.Equal([".devcontainer/devcontainer.json", ".devcontainer.json", ".devcontainer/python/devcontainer.json"], result.Candidates);
        Assert.Equal(DevContainerConfigKind.Dockerfile, result.Config!.Kind);
        Assert.Equal(Path.Combine(this.workspace, ".devcontainer", "Dockerfile"), result.Config.Build!.DockerfilePath);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task TypesEveryFormOfLifecycleCommand()
    {
        this.Write(".devcontainer.json", """
            { "image": "debian", "postCreateCommand": "echo ${localEnv:USER}", "postStartCommand": ["echo", "a b"],
              "postAttachCommand": { "one": "echo 1", "two": ["echo", "2"] }, "onCreateCommand": "  " }
            """);

        var config = (await DevContainerReader.ReadAsync(this.workspace, null, Options)).Config!;

        Assert.Equal("echo me", config.PostCreateCommand!.ShellCommand);
        Assert.Equal(["echo", "a b"], config.PostStartCommand!.Arguments);
        Assert.Equal(LifecycleCommandForm.Parallel, config.PostAttachCommand!.Form);
        Assert.Equal(["echo", "2"], config.PostAttachCommand.Parallel["two"].Arguments);
        Assert.True(config.OnCreateCommand!.IsEmpty);
        Assert.True(config.EffectiveOverrideCommand);
        Assert.Equal("updateContentCommand", config.EffectiveWaitFor);
    }

    [Fact]
    public async Task PointsAtWrongTypesAndUnknownProperties()
    {
        this.Write(".devcontainer.json", "{\n  \"image\": \"debian\",\n  \"runArgs\": \"--privileged\",\n  \"imagee\": 1\n}");

        var result = await DevContainerReader.ReadAsync(this.workspace, null, Options);

        var wrongType = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.WrongType);
        Assert.Equal((3, 14, "$.runArgs", DiagnosticSeverity.Error), (wrongType.Line, wrongType.Column, wrongType.Path, wrongType.Severity));
        var unknown = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownProperty);
        Assert.Equal((4, 3, DiagnosticSeverity.Warning), (unknown.Line, unknown.Column, unknown.Severity));
        Assert.NotNull(result.Configuration);
    }

    [Fact]
    public async Task ExplainsAConfigWithoutImageBuildOrCompose()
    {
        this.Write(".devcontainer.json", """{ "name": "x" }""");
        var result = await DevContainerReader.ReadAsync(this.workspace, null, Options);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.MissingKind && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task RefusesADockerfileOutsideTheRepository()
    {
        this.Write(".devcontainer/devcontainer.json", """{ "dockerFile": "../../etc/passwd" }""");

        var result = await DevContainerReader.ReadAsync(this.workspace, null, Options);

        var outside = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.PathOutsideRepository);
        Assert.Equal("$.dockerFile", outside.Path);
        Assert.Contains("outside the repository", outside.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChecksFeatureIds()
    {
        this.Write(".devcontainer/devcontainer.json", """{ "image": "debian", "features": { "../outside": {}, "myfeature": {}, "node": "lts", "ghcr.io/devcontainers/features/go:1": {} } }""");

        var result = await DevContainerReader.ReadAsync(this.workspace, null, Options);

        Assert.Equal(["$.features['../outside']", "$.features.myfeature"], result.Diagnostics.Where(d => d.Code == DiagnosticCodes.InvalidFeature).Select(d => d.Path));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Deprecated && d.Path == "$.features.node");
        Assert.Equal(4, result.Config!.Features.Count);
    }

    [Theory]
    [InlineData("", DiagnosticCodes.EmptyFile)]
    [InlineData("  // just a comment", DiagnosticCodes.EmptyFile)]
    [InlineData("[1, 2]", DiagnosticCodes.NotAnObject)]
    [InlineData("\"debian\"", DiagnosticCodes.NotAnObject)]
    [InlineData("{ \"image\": \"x\", \"name\": \"${localEnv}\" }", DiagnosticCodes.InvalidVariable)]
    public async Task FailsClearlyOnBadInput(string text, string code)
    {
        this.Write(".devcontainer.json", text);

        var result = await DevContainerReader.ReadAsync(this.workspace, null, Options);

        Assert.Null(result.Configuration);
        Assert.Contains(result.Diagnostics, d => d.Code == code && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task ReportsAMissingConfig()
    {
        var result = await DevContainerReader.ReadAsync(this.workspace, null, Options);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.ConfigNotFound, error.Code);
        Assert.Contains(Path.Combine(".devcontainer", "devcontainer.json"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadsInvalidUtf8AsTheReferenceAndSaysSo()
    {
        File.WriteAllBytes(Path.Combine(this.workspace, ".devcontainer.json"), [.. "{\"image\":\"x\",\"name\":\"a"u8, 0xff, .. "\"}"u8]);

        var result = await DevContainerReader.ReadAsync(this.workspace, null, Options);

        Assert.Equal("a\uFFFD", result.Config!.Name);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidUtf8 && d.Message.Contains("offset 22", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefusesTenThousandLevelsOfNestingQuickly()
    {
        this.Write(".devcontainer.json", "{\"image\":\"x\",\"a\":" + new string('[', 10_000) + new string(']', 10_000) + "}");
        var watch = Stopwatch.StartNew();

        var result = await DevContainerReader.ReadAsync(this.workspace, null, Options);

        Assert.Null(result.Configuration);
        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.NestingTooDeep);
        Assert.Equal(1, error.Line);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task ReadsATenMegabyteFileInBoundedTime()
    {
        var text = new StringBuilder("{ \"image\": \"debian\", \"customizations\": { \"big\": [");
        while (text.Length < 10 * 1024 * 1024)
        {
            text.Append("\"0123456789abcdef0123456789abcdef0123456789abcdef\",");
        }

        this.Write(".devcontainer.json", text.Append("\"end\"] } }").ToString());
        var watch = Stopwatch.StartNew();

        var result = await DevContainerReader.ReadAsync(this.workspace, null, Options);

        Assert.Equal("debian", result.Config!.Image);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FileTooLarge && d.Severity == DiagnosticSeverity.Warning);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task RefusesAFileOverTheLimit()
    {
        this.Write(".devcontainer.json", "{ \"image\": \"debian\" }" + new string(' ', 2048));

        var result = await DevContainerReader.ReadAsync(this.workspace, null, new DevContainerReadOptions { MaxFileBytes = 1024 });

        Assert.Null(result.Configuration);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FileTooLarge && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task MergesTheImageLabelWhenGiven()
    {
        this.Write(".devcontainer.json", """{ "image": "debian", "remoteUser": "me", "postCreateCommand": "user" }""");

        var result = await DevContainerReader.ReadAsync(this.workspace, null, new DevContainerReadOptions
        {
            LocalEnvironment = Options.LocalEnvironment,
            ImageMetadataLabel = """[{"remoteUser":"vscode","postCreateCommand":"image","init":true}]""",
        });

        Assert.Equal("me", result.MergedConfiguration!["remoteUser"]!.GetValue<string>());
        Assert.Equal("""["image","user"]""", result.MergedConfiguration["postCreateCommands"]!.ToJsonString());
        Assert.True(result.MergedConfiguration["init"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ReadsEveryScalarOrArrayPropertyInItsScalarForm()
    {
        // Each property the schema (or the reference's merge) accepts as a value or a list, written as one value, in
        // the configuration and in the image label: a valid configuration must never crash the reader.
        this.Write(".devcontainer.json", """
            { "image": "debian", "appPort": 8123, "forwardPorts": 3000, "capAdd": "SYS_PTRACE", "securityOpt": "seccomp=unconfined",
              "mounts": "type=volume,src=v,dst=/v", "runArgs": "--init", "build": { "cacheFrom": "cache:latest" },
              "dockerComposeFile": "compose.yml", "postCreateCommand": "echo one" }
            """);

        var result = await DevContainerReader.ReadAsync(this.workspace, null, new DevContainerReadOptions
        {
            LocalEnvironment = Options.LocalEnvironment,
            ImageMetadataLabel = """{"capAdd":"NET_ADMIN","securityOpt":"apparmor=unconfined","forwardPorts":"localhost:3000","mounts":"type=volume,src=w,dst=/w","entrypoint":"/x.sh"}""",
        });

        Assert.NotNull(result.Configuration);
        var config = result.Config!;
        Assert.Equal([new PortSpec(8123, null)], config.AppPorts);
        Assert.Equal(["cache:latest"], config.Build!.CacheFrom);
        Assert.Equal(["compose.yml"], config.DockerComposeFiles);
        var merged = result.MergedConfiguration!;
        Assert.Equal("""["NET_ADMIN","SYS_PTRACE"]""", merged["capAdd"]!.ToJsonString());
        Assert.Equal("""["apparmor=unconfined","seccomp=unconfined"]""", merged["securityOpt"]!.ToJsonString());
        Assert.Equal("[3000]", merged["forwardPorts"]!.ToJsonString());
        Assert.Equal("""["type=volume,src=w,dst=/w","type=volume,src=v,dst=/v"]""", merged["mounts"]!.ToJsonString());
        Assert.Equal("""["/x.sh"]""", merged["entrypoints"]!.ToJsonString());
    }

    [Fact]
    public async Task WarnsOnAnExplicitFileWithAnotherName()
    {
        this.Write("custom.json", """{ "image": "debian" }""");
        var result = await DevContainerReader.ReadAsync(this.workspace, "custom.json", Options);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ConfigFileName);
        Assert.NotNull(result.Configuration);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(this.workspace, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
