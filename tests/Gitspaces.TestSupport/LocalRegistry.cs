using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Gitspaces.DevContainers.Features;
using Xunit;

namespace Gitspaces.TestSupport;

/// <summary>
/// Debian's docker-registry (distribution 2.8) on 127.0.0.1 and a free port, with its storage in a temporary folder;
/// optionally behind htpasswd Basic auth. Installs the package with apt-get when missing and running as root. The
/// Feature tests push OCI artifacts to it; the published program's tests push images with the docker CLI.
/// </summary>
public sealed class LocalRegistry : IAsyncDisposable
{
    public const string UserName = "feature-tester";

    // bcrypt of "feature-test-password" (cost 4): a throwaway credential that exists only for this registry.
    public const string Password = "feature-test-password";
    private const string PasswordHash = "$2a$04$dFz6pVF/ReuvEU29eea96udPBIKBBnmEC87LwmYnvkn1x50DGhe92";
    private const string Binary = "/usr/bin/docker-registry";

    private readonly Process process;
    private readonly string folder;

    private LocalRegistry(Process process, string folder, string address)
    {
        this.process = process;
        this.folder = folder;
        this.Address = address;
    }

    /// <summary>Gets host:port.</summary>
    public string Address { get; }

    public static async Task<LocalRegistry> StartAsync(bool requireBasicAuth)
    {
        await EnsureInstalledAsync();
        var folder = TempDirectory.Create("registry");
        var port = FreePort();
        var config = new StringBuilder()
            .AppendLine("version: 0.1")
            .AppendLine("log:\n  level: warn")
            .AppendLine($"storage:\n  filesystem:\n    rootdirectory: {Path.Combine(folder, "data")}")
            .AppendLine($"http:\n  addr: 127.0.0.1:{port}");
        if (requireBasicAuth)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "htpasswd"), $"{UserName}:{PasswordHash}\n");
            config.AppendLine($"auth:\n  htpasswd:\n    realm: gitspaces-test\n    path: {Path.Combine(folder, "htpasswd")}");
        }

        var configFile = Path.Combine(folder, "config.yml");
        await File.WriteAllTextAsync(configFile, config.ToString());
        var start = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(configFile);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var registry = new LocalRegistry(process, folder, $"127.0.0.1:{port}");
        await registry.WaitUntilListeningAsync();
        return registry;
    }

    /// <summary>Pushes a Feature artifact (config blob, gzip'd tar layer, OCI manifest) as a publisher would.</summary>
    public async Task<string> PushFeatureAsync(string repository, string tag, byte[] layer)
    {
        using var http = new HttpClient();
        var credential = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{UserName}:{Password}"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credential);
        var baseUri = $"http://{this.Address}/v2/{repository}";
        var config = "{}"u8.ToArray();
        var configDigest = await UploadBlobAsync(http, baseUri, config);
        var layerDigest = await UploadBlobAsync(http, baseUri, layer);
        var manifest = $$$"""
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
             "config":{"mediaType":"{{{FeatureFetcher.ConfigMediaType}}}","digest":"{{{configDigest}}}","size":{{{config.Length}}}},
             "layers":[{"mediaType":"{{{FeatureFetcher.LayerMediaType}}}","digest":"{{{layerDigest}}}","size":{{{layer.Length}}},
                        "annotations":{"org.opencontainers.image.title":"devcontainer-feature-test.tgz"}}]}
            """;
        using var content = new StringContent(manifest);
        content.Headers.ContentType = new MediaTypeHeaderValue(FeatureFetcher.ManifestMediaType);
        using var response = await http.PutAsync($"{baseUri}/manifests/{tag}", content);
        Assert.True(response.IsSuccessStatusCode, $"manifest push: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return layerDigest;
    }

    public async ValueTask DisposeAsync()
    {
        if (!this.process.HasExited)
        {
            this.process.Kill();
            await this.process.WaitForExitAsync();
        }

        this.process.Dispose();
        Directory.Delete(this.folder, recursive: true);
    }

    private static async Task<string> UploadBlobAsync(HttpClient http, string baseUri, byte[] blob)
    {
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(blob));
        using var start = await http.PostAsync($"{baseUri}/blobs/uploads/", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var location = start.Headers.Location!;
        var upload = location.IsAbsoluteUri ? location : new Uri(new Uri(baseUri), location);
        var separator = upload.Query.Length > 0 ? "&" : "?";
        using var content = new ByteArrayContent(blob);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var put = await http.PutAsync($"{upload}{separator}digest={Uri.EscapeDataString(digest)}", content);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        return digest;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task EnsureInstalledAsync()
    {
        if (File.Exists(Binary))
        {
            return;
        }

        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            throw new InvalidOperationException($"{Binary} is missing: install Debian's docker-registry package (apt-get install -y docker-registry).");
        }

        foreach (var args in new[] { new[] { "update", "-qq" }, ["install", "-y", "-qq", "docker-registry"] })
        {
            var start = new ProcessStartInfo("apt-get") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var apt = Process.Start(start)!;
            var errors = apt.StandardError.ReadToEndAsync();
            _ = await apt.StandardOutput.ReadToEndAsync();
            await apt.WaitForExitAsync();
            if (apt.ExitCode != 0)
            {
                throw new InvalidOperationException($"apt-get {string.Join(' ', args)} failed: {await errors}");
            }
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (this.process.HasExited)
            {
                throw new InvalidOperationException($"docker-registry exited with {this.process.ExitCode}.");
            }

            try
            {
                using var response = await http.GetAsync($"http://{this.Address}/v2/");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException("docker-registry did not start listening within 20 s.");
    }
}
