using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Model;

/// <summary>Minimum host (<c>hostRequirements</c>).</summary>
public sealed class HostRequirements
{
    /// <summary>Gets the minimum number of CPUs.</summary>
    public long? Cpus { get; init; }

    /// <summary>Gets the minimum memory as written (e.g. <c>4gb</c>).</summary>
    public string? Memory { get; init; }

    /// <summary>Gets the minimum storage as written.</summary>
    public string? Storage { get; init; }

    /// <summary>Gets the GPU requirement as written: <c>true</c>, <c>false</c>, <c>"optional"</c> or an object with cores and memory.</summary>
    public JsonNode? Gpu { get; init; }

    /// <summary>Converts a size such as <c>4gb</c> to bytes (1024-based; no unit means bytes); null when it is not a size.</summary>
    /// <param name="size">The size.</param>
    public static long? ParseBytes(string? size)
    {
        if (size is null)
        {
            return null;
        }

        var match = System.Text.RegularExpressions.Regex.Match(size, "^(\\d+)([tgmk]b)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var multiplier = match.Groups[2].Value switch
        {
            "tb" => 1L << 40,
            "gb" => 1L << 30,
            "mb" => 1L << 20,
            "kb" => 1L << 10,
            _ => 1L,
        };
        return number * multiplier;
    }
}
