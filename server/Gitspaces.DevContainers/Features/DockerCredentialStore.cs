using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Features;

/// <summary>
/// Registry credentials as the docker CLI keeps them in <c>~/.docker/config.json</c> (or <c>$DOCKER_CONFIG/config.json</c>):
/// <c>credHelpers[registry]</c>, then <c>credsStore</c>, run as <c>docker-credential-&lt;helper&gt; get</c> without a shell
/// (the registry on stdin, the secret on stdout, never in argv), then <c>auths[registry].auth</c> (base64 user:password).
/// </summary>
public sealed class DockerCredentialStore
{
    private readonly string configFile;

    /// <summary>Initializes a new instance of the <see cref="DockerCredentialStore"/> class.</summary>
    /// <param name="configFile">The config.json to read; <c>$DOCKER_CONFIG/config.json</c> or <c>~/.docker/config.json</c> when null.</param>
    public DockerCredentialStore(string? configFile = null)
    {
        this.configFile = configFile ?? DefaultConfigFile();
    }

    /// <summary>Finds the credential for <paramref name="registry"/>, or null for anonymous access.</summary>
    /// <param name="registry">The registry host (and port), e.g. <c>ghcr.io</c>.</param>
    /// <param name="cancellationToken">Cancels reading or a helper.</param>
    public async Task<RegistryCredential?> GetAsync(string registry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (!File.Exists(this.configFile))
        {
            return null;
        }

        JsonObject? config;
        try
        {
            config = JsonNode.Parse(await File.ReadAllTextAsync(this.configFile, cancellationToken).ConfigureAwait(false)) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }

        if (config is null)
        {
            return null;
        }

        var helper = (config["credHelpers"] as JsonObject)?[registry]?.GetValue<string>() ?? (config["credsStore"] as JsonValue)?.GetValue<string>();
        if (!string.IsNullOrEmpty(helper) && await RunHelperAsync(helper, registry, cancellationToken).ConfigureAwait(false) is { } fromHelper)
        {
            return fromHelper;
        }

        var auths = config["auths"] as JsonObject;
        var entry = auths?[registry] as JsonObject ?? auths?[$"https://{registry}"] as JsonObject ?? auths?[$"http://{registry}"] as JsonObject;
        if (entry is null)
        {
            return null;
        }

        if (entry["auth"] is JsonValue auth && auth.TryGetValue<string>(out var encoded) && encoded.Length > 0)
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : new RegistryCredential(decoded[..colon], decoded[(colon + 1)..]);
        }

        if (entry["identitytoken"] is JsonValue token && token.TryGetValue<string>(out var identityToken))
        {
            return new RegistryCredential("<token>", identityToken);
        }

        return entry["username"] is JsonValue user && entry["password"] is JsonValue password
            ? new RegistryCredential(user.GetValue<string>(), password.GetValue<string>())
            : null;
    }

    private static string DefaultConfigFile()
    {
        var folder = Environment.GetEnvironmentVariable("DOCKER_CONFIG");
        if (string.IsNullOrEmpty(folder))
        {
            folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        }

        return Path.Combine(folder, "config.json");
    }

    private static async Task<RegistryCredential?> RunHelperAsync(string helper, string registry, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("docker-credential-" + helper)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("get");
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        if (process is null)
        {
            return null;
        }

        using (process)
        {
            await process.StandardInput.WriteAsync(registry).ConfigureAwait(false);
            process.StandardInput.Close();
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                return null;
            }

            try
            {
                var answer = JsonNode.Parse(output) as JsonObject;
                var user = answer?["Username"]?.GetValue<string>();
                var secret = answer?["Secret"]?.GetValue<string>();
                return user is null || secret is null ? null : new RegistryCredential(user, secret);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
