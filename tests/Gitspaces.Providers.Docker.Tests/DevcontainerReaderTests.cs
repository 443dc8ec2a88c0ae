using Gitspaces.Core.Errors;
using Gitspaces.DevContainers.Model;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

/// <summary>The plan comes from the typed configuration; refusals carry the reader's positions. No engine needed.</summary>
public sealed class DevcontainerReaderTests
{
    [Theory]
    [InlineData("{\n  \"image\": 42\n}", 2, 12, "wrong-type", "$.image")]
    [InlineData("{\n  \"image\": \"x\",\n  \"runArgs\": \"--init\"\n}", 3, 14, "wrong-type", "$.runArgs")]
    [InlineData("{\n  \"image\": \"x\",\n  \"onCreateCommand\": 5\n}", 3, 22, "wrong-type", "$.onCreateCommand")]
    [InlineData("{\n  \"image\": \"x\",\n  \"postCreateCommand\": { \"a\": { \"b\": \"c\" } }\n}", 3, 31, "wrong-type", "$.postCreateCommand.a")]
    [InlineData("{\n  \"image\": \"x\",\n  \"initializeCommand\": [\"echo\", 1]\n}", 3, 33, "wrong-type", "$.initializeCommand[1]")]
    [InlineData("{\n  \"build\": {\n    \"dockerfile\": \"Missing.Dockerfile\"\n  }\n}", 3, 19, "file-not-found", "$.build.dockerfile")]
    [InlineData("{\n  \"dockerFile\": \"Missing.Dockerfile\"\n}", 2, 17, "file-not-found", "$.dockerFile")]
    public async Task RefusalsAreDevcontainerInvalidAtTheValuesPosition(string json, int line, int column, string code, string path)
    {
        var repository = Repository(json);

        var error = await Assert.ThrowsAsync<GitspaceException>(() => DevcontainerReader.ReadAsync(repository, null, null, CancellationToken.None));

        Assert.Equal(ErrorCodes.DevcontainerInvalid, error.Code);
        var diagnostic = Assert.Single(error.Details.Diagnostics!);
        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
        Assert.Equal((code, path, "error"), (diagnostic.Code, diagnostic.Path, diagnostic.Severity));
        Assert.Equal(".devcontainer/devcontainer.json", diagnostic.File);
        Assert.StartsWith($".devcontainer/devcontainer.json({line},{column}): ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAppPortWrittenAsOneNumberIsPublished()
    {
        // A number rather than a list once ended the read with "The node already has a parent".
        var repository = Repository("""{ "image": "x", "appPort": 8123 }""");

        var plan = await DevcontainerReader.ReadAsync(repository, null, null, CancellationToken.None);

        Assert.Equal(["8123"], plan.AppPorts);
    }

    [Fact]
    public async Task TheMetadataEntryIsAsWrittenAndTheSubstitutionIsTheReaders()
    {
        // Host values must not reach a label anyone with engine access reads; the merge substitutes them.
        var repository = Repository("""{ "image": "x", "containerEnv": { "P": "${localEnv:HOME}", "W": "${localWorkspaceFolderBasename}" }, "remoteUser": "dev" }""");

        var plan = await DevcontainerReader.ReadAsync(repository, null, null, CancellationToken.None);

        Assert.Equal("""{"containerEnv":{"P":"${localEnv:HOME}","W":"${localWorkspaceFolderBasename}"},"remoteUser":"dev"}""", plan.MetadataEntry.ToJsonString());
        var substituted = plan.SubstituteLocal(plan.MetadataEntry)!;
        Assert.Equal(Environment.GetEnvironmentVariable("HOME") ?? string.Empty, substituted["containerEnv"]!["P"]!.GetValue<string>());
        Assert.Equal(Path.GetFileName(repository), substituted["containerEnv"]!["W"]!.GetValue<string>());
    }

    [Fact]
    public async Task AMissingComposeFileIsRefusedWithItsPosition()
    {
        var repository = Repository("""{ "dockerComposeFile": "missing.yml", "service": "app" }""");

        var error = await Assert.ThrowsAsync<GitspaceException>(() => DevcontainerReader.ReadAsync(repository, null, null, CancellationToken.None));

        Assert.Equal(ErrorCodes.DevcontainerInvalid, error.Code);
        Assert.Contains("missing.yml", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Details.Diagnostics![0].Line);
    }

    [Fact]
    public async Task AComposePlanTakesTheFilesServiceRunServicesAndShutdownAction()
    {
        var repository = Repository("""{ "dockerComposeFile": ["a.yml", "../b.yml"], "service": "app", "runServices": ["db"], "shutdownAction": "none" }""");
        File.WriteAllText(Path.Combine(repository, ".devcontainer", "a.yml"), "services: {}\n");
        File.WriteAllText(Path.Combine(repository, "b.yml"), "services: {}\n");

        var plan = await DevcontainerReader.ReadAsync(repository, null, null, CancellationToken.None);

        Assert.Equal([Path.Combine(repository, ".devcontainer", "a.yml"), Path.Combine(repository, "b.yml")], plan.Compose!.Files);
        Assert.Equal("app", plan.Compose.Service);
        Assert.Equal(["db"], plan.Compose.RunServices!);
        Assert.Equal("none", plan.Compose.ShutdownAction);
        Assert.Equal("/", plan.WorkspaceFolder);
        Assert.Null(plan.Image);
        Assert.Null(plan.Dockerfile);
    }

    [Fact]
    public async Task AnImagePlanTakesTheTypedValues()
    {
        var repository = Repository("""
            {
              "image": "debian:12",
              "runArgs": ["--cap-add=SYS_PTRACE"],
              "appPort": [3000, "8080:80"],
              "features": { "ghcr.io/devcontainers/features/git:1": {}, "ghcr.io/devcontainers/features/node:1": "lts" },
              "workspaceFolder": "/src",
              "initializeCommand": ["echo", "hello"],
              "postCreateCommand": "make"
            }
            """);

        var plan = await DevcontainerReader.ReadAsync(repository, null, null, CancellationToken.None);

        Assert.Equal("debian:12", plan.Image);
        Assert.Null(plan.Dockerfile);
        Assert.Equal(["--cap-add=SYS_PTRACE"], plan.RunArgs);
        Assert.Equal(["3000", "8080:80"], plan.AppPorts);
        Assert.Equal(["ghcr.io/devcontainers/features/git:1", "ghcr.io/devcontainers/features/node:1"], plan.Features);
        Assert.Equal("/src", plan.WorkspaceFolder);
        Assert.Equal(LifecycleCommandForm.Exec, plan.InitializeCommand!.Form);
        Assert.Equal(["echo", "hello"], plan.InitializeCommand.Arguments);
        Assert.Equal("make", plan.MetadataEntry["postCreateCommand"]!.GetValue<string>());
        Assert.Equal(".devcontainer/devcontainer.json", plan.ConfigPath);
    }

    [Fact]
    public async Task ADockerfilePlanResolvesItsPathsAgainstTheConfigurationsFolder()
    {
        var repository = Repository(
            """{ "image": "ignored", "build": { "dockerfile": "build/Dockerfile", "context": "..", "target": "dev", "args": { "V": "1" } } }""",
            ("build/Dockerfile", "FROM scratch\n"));

        var plan = await DevcontainerReader.ReadAsync(repository, null, null, CancellationToken.None);

        Assert.Null(plan.Image);
        Assert.Equal(Path.Combine(repository, ".devcontainer", "build", "Dockerfile"), plan.Dockerfile);
        Assert.Equal(repository, plan.BuildContext);
        Assert.Equal("dev", plan.BuildTarget);
        Assert.Equal(new Dictionary<string, string> { ["V"] = "1" }, plan.BuildArgs);
        Assert.Equal("/workspaces/repo", plan.WorkspaceFolder);
        Assert.Null(plan.InitializeCommand);
    }

    private static string Repository(string devcontainerJson, params (string Path, string Content)[] more)
    {
        var root = Path.Combine(TempDirectory.Create("reader"), "repo");
        var folder = Path.Combine(root, ".devcontainer");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "devcontainer.json"), devcontainerJson);
        foreach (var (path, content) in more)
        {
            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content);
        }

        return root;
    }
}
