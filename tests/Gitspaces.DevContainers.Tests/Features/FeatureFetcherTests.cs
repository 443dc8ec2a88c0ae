using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Gitspaces.DevContainers.Features;
using Gitspaces.TestSupport;

namespace Gitspaces.DevContainers.Tests.Features;

public sealed class FeatureFetcherTests
{
    private const string FeatureJson = """{ "id": "hello", "version": "1.2.3", "options": { "greeting": { "type": "string", "default": "hi" } } }""";

    [Fact]
    public async Task FetchesAFeatureAnonymouslyAndReusesTheCache()
    {
        await using var registry = await LocalRegistry.StartAsync(requireBasicAuth: false);
        var digest = await registry.PushFeatureAsync("features/hello", "1", FeatureTarball(gzip: true));
        var cache = TempDirectory.Create("feature-cache");
        using var http = new HttpClient();
        var fetcher = new FeatureFetcher(http, new DockerCredentialStore(Path.Combine(cache, "no-docker-config.json")));

        var fetched = await fetcher.FetchAsync(OciReference.TryParse($"{registry.Address}/features/hello:1", out _)!, cache);

        Assert.Equal(digest, fetched.Digest);
        Assert.Equal("hello", fetched.Definition.Id);
        Assert.Equal("1.2.3", fetched.Definition.Version);
        Assert.Equal("#!/bin/sh\necho hello\n", await File.ReadAllTextAsync(Path.Combine(fetched.Folder, "install.sh")));
        var again = await fetcher.FetchAsync(OciReference.TryParse($"{registry.Address}/features/hello:1", out _)!, cache);
        Assert.Equal(fetched.Folder, again.Folder);
    }

    [Fact]
    public async Task FetchesAPlainTarLayerToo()
    {
        await using var registry = await LocalRegistry.StartAsync(requireBasicAuth: false);
        await registry.PushFeatureAsync("features/plain", "latest", FeatureTarball(gzip: false));
        var cache = TempDirectory.Create("feature-cache");
        using var http = new HttpClient();

        var fetched = await new FeatureFetcher(http, new DockerCredentialStore(Path.Combine(cache, "none.json")))
            .FetchAsync(OciReference.TryParse($"{registry.Address}/features/plain", out _)!, cache);

        Assert.Equal("hello", fetched.Definition.Id);
    }

    [Fact]
    public async Task UsesCredentialsFromDockerConfigForBasicAuth()
    {
        await using var registry = await LocalRegistry.StartAsync(requireBasicAuth: true);
        await registry.PushFeatureAsync("features/private", "2", FeatureTarball(gzip: true));
        var cache = TempDirectory.Create("feature-cache");
        var dockerConfig = Path.Combine(cache, "config.json");
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{LocalRegistry.UserName}:{LocalRegistry.Password}"));
        await File.WriteAllTextAsync(dockerConfig, $$"""{ "auths": { "{{registry.Address}}": { "auth": "{{auth}}" } } }""");
        using var http = new HttpClient();
        var reference = OciReference.TryParse($"{registry.Address}/features/private:2", out _)!;

        var anonymous = await Assert.ThrowsAsync<HttpRequestException>(() => new FeatureFetcher(http, new DockerCredentialStore(Path.Combine(cache, "none.json"))).FetchAsync(reference, cache));
        var fetched = await new FeatureFetcher(http, new DockerCredentialStore(dockerConfig)).FetchAsync(reference, cache);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain(LocalRegistry.Password, anonymous.Message, StringComparison.Ordinal);
        Assert.Equal("hello", fetched.Definition.Id);
    }

    [Fact]
    public async Task RefusesAnArchiveEntryOutsideTheFolder()
    {
        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "../escape.sh") { DataStream = new MemoryStream("x"u8.ToArray()) };
            await writer.WriteEntryAsync(entry);
        }

        tar.Position = 0;
        var destination = TempDirectory.Create("feature-extract");
        await Assert.ThrowsAsync<InvalidDataException>(() => FeatureArchive.ExtractAsync(tar, destination));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(destination)!, "escape.sh")));
    }

    [Fact]
    public void ParsesBearerChallenges()
    {
        var (scheme, parameters) = FeatureFetcher.ParseChallenge("Bearer realm=\"https://ghcr.io/token\",service=\"ghcr.io\",scope=\"repository:devcontainers/features/go:pull\"");

        Assert.Equal("Bearer", scheme);
        Assert.Equal("https://ghcr.io/token", parameters["realm"]);
        Assert.Equal("ghcr.io", parameters["service"]);
        Assert.Equal("repository:devcontainers/features/go:pull", parameters["scope"]);
    }

    internal static byte[] FeatureTarball(bool gzip)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "./"));
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "./devcontainer-feature.json") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(FeatureJson)) });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "./install.sh") { DataStream = new MemoryStream("#!/bin/sh\necho hello\n"u8.ToArray()) });
        }

        if (!gzip)
        {
            return tar.ToArray();
        }

        using var compressed = new MemoryStream();
        using (var zip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(tar.ToArray());
        }

        return compressed.ToArray();
    }
}
