using System.Globalization;

namespace Gitspaces.Core.Settings;

/// <summary>Auto-stop's idle timeout as people write it: <c>30m</c>, <c>2h</c>, <c>90s</c>, <c>1h30m</c>, a bare number of minutes, or <c>0</c>/<c>never</c>.</summary>
public static class IdleTimeout
{
    /// <summary>The timeout when neither the request nor the user's settings name one: 60 minutes.</summary>
    public const int DefaultSeconds = 3600;

    /// <summary>The longest timeout: 30 days.</summary>
    public const int MaxSeconds = 30 * 24 * 3600;

    /// <summary>Parses a timeout.</summary>
    /// <param name="text">The text.</param>
    /// <param name="seconds">The timeout in seconds; 0 for never.</param>
    /// <returns>Whether the text is a timeout.</returns>
    public static bool TryParse(string? text, out int seconds)
    {
        seconds = 0;
        var value = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (value is "never" or "off")
        {
            return true;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            seconds = minutes <= MaxSeconds / 60 ? minutes * 60 : -1;
            return seconds >= 0;
        }

        long total = 0;
        var number = 0L;
        var digits = false;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                number = (number * 10) + (c - '0');
                digits = true;
                if (number > MaxSeconds)
                {
                    return false;
                }

                continue;
            }

            var unit = c switch { 'h' => 3600, 'm' => 60, 's' => 1, _ => 0 };
            if (unit == 0 || !digits)
            {
                return false;
            }

            total += number * unit;
            number = 0;
            digits = false;
        }

        if (digits || total > MaxSeconds)
        {
            return false;
        }

        seconds = (int)total;
        return true;
    }

    /// <summary>Formats a timeout the way <see cref="TryParse"/> reads it.</summary>
    /// <param name="seconds">The timeout in seconds.</param>
    /// <returns>The text, for example <c>1h30m</c> or <c>never</c>.</returns>
    public static string Format(int seconds)
    {
        if (seconds <= 0)
        {
            return "never";
        }

        var parts = new List<string>(3);
        if (seconds >= 3600)
        {
            parts.Add((seconds / 3600).ToString(CultureInfo.InvariantCulture) + "h");
        }

        if (seconds % 3600 >= 60)
        {
            parts.Add((seconds % 3600 / 60).ToString(CultureInfo.InvariantCulture) + "m");
        }

        if (seconds % 60 > 0)
        {
            parts.Add((seconds % 60).ToString(CultureInfo.InvariantCulture) + "s");
        }

        return string.Concat(parts);
    }
}
