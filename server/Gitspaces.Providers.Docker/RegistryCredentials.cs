using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Docker.DotNet.Models;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// Finds the login for an image's registry the way the docker CLI does: a credential helper for that registry, else
/// the credential store, else the <c>auths</c> entry of <c>~/.docker/config.json</c> (or <c>DOCKER_CONFIG</c>).
/// </summary>
internal static class RegistryCredentials
{
    private const string DockerHubKey = "https://index.docker.io/v1/";

    /// <summary>Returns the registry host of an image reference (<c>docker.io</c> when it names none).</summary>
    /// <param name="image">The image reference.</param>
    /// <returns>The registry host.</returns>
    public static string RegistryOf(string image)
    {
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return "docker.io";
        }

        var first = image[..slash];
        return first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost" ? first : "docker.io";
    }

    /// <summary>Looks up the login for an image.</summary>
    /// <param name="image">The image reference.</param>
    /// <param name="environment">Reads environment variables.</param>
    /// <returns>The login, or an empty one for anonymous pulls.</returns>
    public static AuthConfig For(string image, Func<string, string?> environment)
    {
        var registry = RegistryOf(image);
        var key = registry == "docker.io" ? DockerHubKey : registry;
        var config = Load(environment);
        if (config is null)
        {
            return new AuthConfig();
        }

        var helper = config.CredHelpers?.GetValueOrDefault(key) ?? config.CredHelpers?.GetValueOrDefault(registry) ?? config.CredsStore;
        if (helper is not null && FromHelper(helper, key) is { } fromHelper)
        {
            fromHelper.ServerAddress = key;
            return fromHelper;
        }

        var stored = config.Auths?.GetValueOrDefault(key) ?? config.Auths?.GetValueOrDefault(registry) ?? config.Auths?.GetValueOrDefault("https://" + registry);
        if (stored?.Auth is { Length: > 0 } encoded)
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded)).Split(':', 2);
            return new AuthConfig { Username = pair[0], Password = pair.Length > 1 ? pair[1] : string.Empty, ServerAddress = key, IdentityToken = stored.IdentityToken };
        }

        return new AuthConfig();
    }

    private static DockerCliConfig? Load(Func<string, string?> environment)
    {
        var folder = environment("DOCKER_CONFIG") is { Length: > 0 } explicitFolder
            ? explicitFolder
            : Path.Combine(environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        var file = Path.Combine(folder, "config.json");
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize(File.ReadAllBytes(file), DockerJsonContext.Default.DockerCliConfig) : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            return null;
        }
    }

    private static AuthConfig? FromHelper(string helper, string serverUrl)
    {
        var start = new ProcessStartInfo("docker-credential-" + helper)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("get");
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            process.StandardInput.Write(serverUrl);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)) || process.ExitCode != 0)
            {
                return null;
            }

            var reply = JsonSerializer.Deserialize(output, DockerJsonContext.Default.CredentialHelperReply);
            if (reply?.Secret is not { Length: > 0 } secret)
            {
                return null;
            }

            return reply.Username == "<token>"
                ? new AuthConfig { IdentityToken = secret }
                : new AuthConfig { Username = reply.Username, Password = secret };
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or JsonException or IOException)
        {
            // A helper that is not installed or prints nonsense means "no stored login", as with the docker CLI.
            return null;
        }
    }
}
