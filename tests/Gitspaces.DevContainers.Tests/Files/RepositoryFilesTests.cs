using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Features;
using Gitspaces.DevContainers.Files;
using Gitspaces.TestSupport;

namespace Gitspaces.DevContainers.Tests.Files;

/// <summary>A repository's configuration files are its own regular files, read up to a limit (issue #13).</summary>
public sealed class RepositoryFilesTests
{
    private readonly string workspace = TempDirectory.Create("repo-files");

    [Theory]
    [InlineData("/dev/stdin")]
    [InlineData("/dev/zero")]
    [InlineData("/etc/passwd")]
    public async Task ADevcontainerJsonLinkedOutOfTheRepositoryIsRefusedWithoutReadingIt(string target)
    {
        Directory.CreateDirectory(Path.Combine(this.workspace, ".devcontainer"));
        File.CreateSymbolicLink(Path.Combine(this.workspace, ".devcontainer", "devcontainer.json"), target);

        var result = await DevContainerReader.ReadAsync(this.workspace, null);

        Assert.Null(result.Configuration);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticCodes.PathOutsideRepository, error.Code);
        Assert.Contains(target, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkThroughALinkedFolderIsResolvedAsTheKernelDoes()
    {
        // ".devcontainer" -> a folder inside; "devcontainer.json" -> "sub/../../x" where "sub" leads out: lexically the
        // path stays inside, the kernel's walk does not.
        var outside = TempDirectory.Create("repo-files-outside");
        Directory.CreateDirectory(Path.Combine(outside, "deep"));
        await File.WriteAllTextAsync(Path.Combine(outside, "x"), """{ "image": "outside" }""");
        Directory.CreateDirectory(Path.Combine(this.workspace, ".devcontainer"));
        await File.WriteAllTextAsync(Path.Combine(this.workspace, ".devcontainer", "x"), """{ "image": "inside" }""");
        Directory.CreateSymbolicLink(Path.Combine(this.workspace, ".devcontainer", "sub"), Path.Combine(outside, "deep"));
        File.CreateSymbolicLink(Path.Combine(this.workspace, ".devcontainer", "devcontainer.json"), "sub/../x");

        var result = await DevContainerReader.ReadAsync(this.workspace, null);

        Assert.Equal(Path.Combine(outside, "x"), RepositoryFiles.RealPath(Path.Combine(this.workspace, ".devcontainer", "devcontainer.json")));
        Assert.Equal(DiagnosticCodes.PathOutsideRepository, Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error).Code);
    }

    [Fact]
    public async Task ALinkInsideTheRepositoryIsRead()
    {
        Directory.CreateDirectory(Path.Combine(this.workspace, ".devcontainer"));
        await File.WriteAllTextAsync(Path.Combine(this.workspace, "shared.json"), """{ "image": "debian" }""");
        File.CreateSymbolicLink(Path.Combine(this.workspace, ".devcontainer", "devcontainer.json"), "../shared.json");

        var result = await DevContainerReader.ReadAsync(this.workspace, null);

        Assert.Equal("debian", result.Config!.Image);
    }

    [Fact]
    public async Task AFifoIsNeverOpened()
    {
        Directory.CreateDirectory(Path.Combine(this.workspace, ".devcontainer"));
        var fifo = Path.Combine(this.workspace, ".devcontainer", "devcontainer.json");
        Assert.Equal(0, DockerCli.Run("mkfifo", fifo).ExitCode);

        // Opening a FIFO blocks until a writer comes; the guard turns a hang into a failure instead of a stuck run.
        var result = await Task.Run(() => DevContainerReader.Read(this.workspace, null)).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Null(result.Configuration);
        Assert.Equal(DiagnosticCodes.EmptyFile, Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error).Code);
    }

    [Fact]
    public async Task AFileOverTheLimitIsNotRead()
    {
        Directory.CreateDirectory(Path.Combine(this.workspace, ".devcontainer"));
        await File.WriteAllTextAsync(Path.Combine(this.workspace, ".devcontainer", "devcontainer.json"), "{ \"image\": \"debian\" }" + new string(' ', 2000));

        var result = await DevContainerReader.ReadAsync(this.workspace, null, new DevContainerReadOptions { MaxFileBytes = 1000 });

        Assert.Equal(DiagnosticCodes.FileTooLarge, Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error).Code);
    }

    [Fact]
    public async Task ADockerfileLinkedOutOfTheRepositoryIsAnError()
    {
        Directory.CreateDirectory(Path.Combine(this.workspace, ".devcontainer"));
        await File.WriteAllTextAsync(Path.Combine(this.workspace, ".devcontainer", "devcontainer.json"), """{ "build": { "dockerfile": "Dockerfile" } }""");
        File.CreateSymbolicLink(Path.Combine(this.workspace, ".devcontainer", "Dockerfile"), "/etc/hostname");

        var result = await DevContainerReader.ReadAsync(this.workspace, null);

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticCodes.PathOutsideRepository, "$.build.dockerfile"), (error.Code, error.Path));
    }

    [Fact]
    public async Task ALocalFeatureFolderLinkedOutOfTheRepositoryIsRefused()
    {
        var outside = TempDirectory.Create("feature-outside");
        await File.WriteAllTextAsync(Path.Combine(outside, "devcontainer-feature.json"), """{ "id": "evil", "version": "1.0.0" }""");
        Directory.CreateDirectory(Path.Combine(this.workspace, ".devcontainer"));
        Directory.CreateSymbolicLink(Path.Combine(this.workspace, ".devcontainer", "evil"), outside);
        var config = Path.Combine(this.workspace, ".devcontainer", "devcontainer.json");
        var configuration = JsonNode.Parse("""{ "image": "debian", "features": { "./evil": {} } }""")!.AsObject();

        var resolver = new FeatureResolver(new FeatureFetcher(new HttpClient(), new DockerCredentialStore(Path.Combine(this.workspace, "none.json"))), TempDirectory.Create("feature-cache"));
        var error = await Assert.ThrowsAsync<FeatureOrderException>(() => resolver.ResolveAsync(configuration, config, this.workspace));

        Assert.Equal(DiagnosticCodes.PathOutsideRepository, error.Code);
    }
}
