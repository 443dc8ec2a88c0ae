using Gitspaces.Core.Errors;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Harness.Configuration;

/// <summary>Validates <c>providers/configure</c> parameters for Harness and merges them over what was saved.</summary>
internal static class HarnessConfiguration
{
    /// <summary>Merges new values over the saved ones (absent fields keep theirs) and checks the result.</summary>
    public static (HarnessSettings Settings, HarnessConnection Connection) Merge(HarnessSettings? saved, ConfigureProviderParams given, bool allowInsecureHttp = false)
    {
        var flavourText = given.Flavour ?? saved?.Flavour ?? "cde";
        var flavour = ParseFlavour(flavourText) ?? throw GitspaceException.InvalidParams("$.flavour", $"Invalid params: flavour '{flavourText}' is not 'cde' (hosted Harness CDE) or 'oss' (open-source Harness server).");
        var endpointText = Clean(given.Endpoint) ?? saved?.Endpoint
            ?? throw GitspaceException.InvalidParams("$.endpoint", "Invalid params: endpoint is required (for example https://app.harness.io).");
        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            throw GitspaceException.InvalidParams("$.endpoint", $"Invalid params: endpoint '{endpointText}' is not an http(s) URL.");
        }

        if (endpoint.UserInfo.Length > 0 || endpoint.Query.Length > 0)
        {
            // Credentials belong in the token, which is stored apart and 0600; never in a URL that gets displayed.
            throw GitspaceException.InvalidParams("$.endpoint", "Invalid params: the endpoint must not carry credentials or a query; give the token separately.");
        }

        // The token goes in a header on every call: over plain http off this machine anyone on the path reads it.
        var insecureAllowed = allowInsecureHttp || saved?.AllowInsecureHttp == true;
        if (endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback && !insecureAllowed)
        {
            throw GitspaceException.InvalidParams("$.endpoint", $"Invalid params: endpoint '{endpointText}' is plain http to another machine, so the token would travel in clear. Use https; only if you must, set {HarnessSettingsStore.AllowHttpVariable}=1 (or pass --allow-http to `gitspaces login harness`).");
        }

        var settings = new HarnessSettings
        {
            AllowInsecureHttp = endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback ? true : null,
            Endpoint = endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/'),
            Flavour = flavour == HarnessFlavour.Oss ? "oss" : "cde",
            AccountIdentifier = Clean(given.AccountIdentifier) ?? saved?.AccountIdentifier,
            OrgIdentifier = Clean(given.OrgIdentifier) ?? saved?.OrgIdentifier,
            ProjectIdentifier = Clean(given.ProjectIdentifier) ?? saved?.ProjectIdentifier,
            SpacePath = Clean(given.SpacePath)?.Trim('/') ?? saved?.SpacePath,
        };

        if (flavour == HarnessFlavour.Cde)
        {
            Require(settings.AccountIdentifier, "$.accountIdentifier", "accountIdentifier");
            Require(settings.OrgIdentifier, "$.orgIdentifier", "orgIdentifier");
            Require(settings.ProjectIdentifier, "$.projectIdentifier", "projectIdentifier");
        }
        else
        {
            Require(settings.SpacePath, "$.spacePath", "spacePath");
        }

        return (settings, ToConnection(settings));
    }

    public static HarnessConnection ToConnection(HarnessSettings settings) => new()
    {
        Endpoint = new Uri(settings.Endpoint, UriKind.Absolute),
        Flavour = ParseFlavour(settings.Flavour) ?? HarnessFlavour.Cde,
        AccountIdentifier = settings.AccountIdentifier,
        OrgIdentifier = settings.OrgIdentifier,
        ProjectIdentifier = settings.ProjectIdentifier,
        SpacePath = settings.SpacePath,
    };

    private static HarnessFlavour? ParseFlavour(string text) => text.Trim().ToLowerInvariant() switch
    {
        "cde" or "hosted" => HarnessFlavour.Cde,
        "oss" or "open-source" => HarnessFlavour.Oss,
        _ => null,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Require(string? value, string field, string name)
    {
        if (value is null)
        {
            throw GitspaceException.InvalidParams(field, $"Invalid params: {name} is required for this flavour of Harness.");
        }
    }
}
