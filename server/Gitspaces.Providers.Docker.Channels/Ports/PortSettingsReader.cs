using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gitspaces.Core.Ports;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// Reads a gitspace's port settings from its container's <c>devcontainer.metadata</c> label (the image's and
/// Features' entries, then devcontainer.json's), merged as the reference merges them: <c>forwardPorts</c> is the union
/// in order (<c>N</c> and <c>"localhost:N"</c> are one port), <c>portsAttributes</c> takes each key from the last entry
/// that sets it, <c>otherPortsAttributes</c> from the last entry that has one.
/// </summary>
internal static class PortSettingsReader
{
    /// <summary>Reads the settings.</summary>
    /// <param name="metadataLabel">The label's value (a JSON array of entries), or <see langword="null"/>.</param>
    /// <returns>The settings; <see cref="PortSettings.None"/> for a missing or unreadable label.</returns>
    public static PortSettings Read(string? metadataLabel)
    {
        if (string.IsNullOrWhiteSpace(metadataLabel))
        {
            return PortSettings.None;
        }

        JsonArray? entries;
        try
        {
            entries = JsonNode.Parse(metadataLabel) as JsonArray;
        }
        catch (JsonException)
        {
            return PortSettings.None;
        }

        var forward = new List<ConfiguredPort>();
        var attributes = new Dictionary<string, PortAttributes>(StringComparer.Ordinal);
        var order = new List<string>();
        PortAttributes? others = null;
        foreach (var entry in (entries ?? []).OfType<JsonObject>())
        {
            foreach (var item in entry["forwardPorts"] as JsonArray ?? [])
            {
                if (Configured(item) is { } port && !forward.Contains(port))
                {
                    forward.Add(port);
                }
            }

            foreach (var (key, value) in entry["portsAttributes"] as JsonObject ?? [])
            {
                if (Attributes(value) is { } parsed)
                {
                    if (!attributes.ContainsKey(key))
                    {
                        order.Add(key);
                    }

                    attributes[key] = parsed;
                }
            }

            if (Attributes(entry["otherPortsAttributes"]) is { } other)
            {
                others = other;
            }
        }

        var rules = new List<PortAttributeRule>();
        foreach (var key in order)
        {
            // Keys are a port or a range; the spec's third form, a regular expression over the process's command line,
            // needs the process table and is not matched (its attributes never apply).
            if (Range(key) is { } range)
            {
                rules.Add(new PortAttributeRule(range.From, range.To, attributes[key]));
            }
        }

        return new PortSettings { Forward = forward, Rules = rules, Others = others };
    }

    private static ConfiguredPort? Configured(JsonNode? item)
    {
        if (item is JsonValue value && value.TryGetValue<double>(out var number))
        {
            return number is >= 1 and <= 65535 && number == Math.Floor(number) ? new ConfiguredPort((int)number) : null;
        }

        if (item is JsonValue text && text.TryGetValue<string>(out var s))
        {
            var colon = s.LastIndexOf(':');
            if (colon > 0 && int.TryParse(s.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
            {
                var host = s[..colon];
                return host is "localhost" or "127.0.0.1" ? new ConfiguredPort(port) : new ConfiguredPort(port, host);
            }

            if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var bare) && bare is >= 1 and <= 65535)
            {
                return new ConfiguredPort(bare);
            }
        }

        return null;
    }

    private static PortAttributes? Attributes(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }

        var defaults = new PortAttributes();
        return new PortAttributes
        {
            Label = Text(obj["label"]),
            Protocol = Text(obj["protocol"]) is "https" ? "https" : defaults.Protocol,
            OnAutoForward = Text(obj["onAutoForward"]) is { } action && IsAction(action) ? action : defaults.OnAutoForward,
            RequireLocalPort = obj["requireLocalPort"] is JsonValue required && required.TryGetValue<bool>(out var yes) && yes,
        };
    }

    private static bool IsAction(string action) => action is "notify" or "openBrowser" or "openBrowserOnce" or "openPreview" or "silent" or "ignore";

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    private static (int From, int To)? Range(string key)
    {
        var dash = key.IndexOf('-', StringComparison.Ordinal);
        var (from, to) = dash < 0 ? (key, key) : (key[..dash], key[(dash + 1)..]);
        return int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var a) && int.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out var b) && a >= 1 && b <= 65535 && a <= b
            ? (a, b)
            : null;
    }
}
