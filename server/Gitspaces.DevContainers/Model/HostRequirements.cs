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
        if (size is null || !IsSize(size, out var digits, out var multiplier) || !long.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return number * multiplier;
    }

    /// <summary>
    /// Tells whether <paramref name="text"/> matches the schema's size pattern <c>^\d+([tgmk]b)?$</c> as JSON Schema
    /// reads it (ECMAScript: ASCII digits only, nothing after the unit). Written out rather than a regular expression:
    /// a process that reads one configuration would spend longer setting the expression up than reading.
    /// </summary>
    /// <param name="text">The size as written.</param>
    /// <param name="digits">The number part.</param>
    /// <param name="multiplier">What the unit multiplies by (1 without one).</param>
    internal static bool IsSize(string text, out ReadOnlySpan<char> digits, out long multiplier)
    {
        var length = 0;
        while (length < text.Length && char.IsAsciiDigit(text[length]))
        {
            length++;
        }

        digits = text.AsSpan(0, length);
        multiplier = text.AsSpan(length) switch
        {
            "" => 1L,
            "tb" => 1L << 40,
            "gb" => 1L << 30,
            "mb" => 1L << 20,
            "kb" => 1L << 10,
            _ => 0L,
        };
        return length > 0 && multiplier != 0;
    }
}
