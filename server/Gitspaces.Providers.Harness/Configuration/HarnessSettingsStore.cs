using System.Text;
using System.Text.Json;
using Gitspaces.Core.Errors;
using Gitspaces.Core.State;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Harness.Configuration;

/// <summary>
/// Keeps the Harness settings in the config directory: <c>harness.json</c> (endpoint and scope) and
/// <c>harness.token</c> (owner-only, 0600). <c>GITSPACES_HARNESS_TOKEN</c>, when set, wins over the stored token,
/// so CI and shells can supply one without writing it to disk.
/// </summary>
internal sealed class HarnessSettingsStore
{
    public const string TokenVariable = "GITSPACES_HARNESS_TOKEN";

    /// <summary>The environment variable that allows a plain-http endpoint off this machine (<c>--allow-http</c> of <c>gitspaces login harness</c> sets it).</summary>
    public const string AllowHttpVariable = "GITSPACES_HARNESS_ALLOW_HTTP";

    private readonly StatePaths paths;
    private readonly Func<string, string?> environment;

    public HarnessSettingsStore(StatePaths paths, Func<string, string?> environment)
    {
        this.paths = paths;
        this.environment = environment;
    }

    public string SettingsPath => Path.Combine(this.paths.ConfigDirectory, "harness.json");

    public string TokenPath => Path.Combine(this.paths.ConfigDirectory, "harness.token");

    /// <summary>Reads the settings; <see langword="null"/> when none were saved. A damaged file is an error that names it.</summary>
    public HarnessSettings? ReadSettings()
    {
        if (!File.Exists(this.SettingsPath))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(this.SettingsPath), HarnessSettingsJsonContext.Default.HarnessSettings);
        }
        catch (JsonException ex)
        {
            throw new GitspaceException(
                ErrorCodes.ProviderNotConfigured,
                $"The Harness settings in {this.SettingsPath} cannot be read: {ex.Message}",
                new ErrorData { Kind = nameof(ErrorCodes.ProviderNotConfigured), Provider = HarnessErrors.Provider, Hint = "Log in again with `gitspaces login harness`; it rewrites the file." },
                ex);
        }
    }

    /// <summary>Reads the token: the environment variable first, then the stored file.</summary>
    public string? ReadToken()
    {
        if (this.environment(TokenVariable) is { } fromEnvironment && NormalizeToken(fromEnvironment) is { } token)
        {
            return token;
        }

        return File.Exists(this.TokenPath) ? NormalizeToken(File.ReadAllText(this.TokenPath)) : null;
    }

    /// <summary>Gets a value indicating whether the user allows a plain-http endpoint off this machine for this run.</summary>
    public bool AllowsInsecureHttp => this.environment(AllowHttpVariable) is "1" or "true";

    /// <summary>Gets a value indicating whether the token comes from the environment.</summary>
    public bool TokenFromEnvironment => this.environment(TokenVariable) is { } value && NormalizeToken(value) is not null;

    /// <summary>Saves the settings, and the token when one is given, each atomically; the token file is 0600.</summary>
    public void Save(HarnessSettings settings, string? token)
    {
        StatePaths.EnsurePrivateDirectory(this.paths.ConfigDirectory);
        if (token is not null)
        {
            StatePaths.WritePrivateFile(this.TokenPath, Encoding.UTF8.GetBytes(token));
        }

        StatePaths.WritePrivateFile(this.SettingsPath, JsonSerializer.SerializeToUtf8Bytes(settings, HarnessSettingsJsonContext.Default.HarnessSettings));
    }

    /// <summary>Trims the line break a token read from stdin or a file carries; <see langword="null"/> when nothing is left.</summary>
    public static string? NormalizeToken(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
