using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Jsonc;

/// <summary>Numbers as JavaScript holds and prints them, so our output is the text the reference CLI prints.</summary>
internal static class JsNumber
{
    private const double MaxSafeInteger = 9007199254740991;

    /// <summary>Creates the node JSON.stringify would print for <paramref name="value"/> (NaN and infinities print as null).</summary>
    public static JsonNode? ToNode(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return null;
        }

        if (Math.Floor(value) == value && Math.Abs(value) <= MaxSafeInteger)
        {
            // -0 prints as 0 in JSON.stringify.
            return JsonValue.Create((long)value);
        }

        using var document = JsonDocument.Parse(Format(value));
        return JsonValue.Create(document.RootElement.Clone());
    }

    /// <summary>Formats a finite double as ECMAScript's Number::toString does.</summary>
    public static string Format(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        var negative = value < 0;
        // "R" gives the shortest digits that round-trip, as ECMAScript requires; only the layout differs.
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var (digits, pointPosition) = Decompose(shortest);
        var k = digits.Length;
        var n = pointPosition;
        string text;
        if (k <= n && n <= 21)
        {
            text = digits + new string('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            text = digits[..n] + "." + digits[n..];
        }
        else if (-6 < n && n <= 0)
        {
            text = "0." + new string('0', -n) + digits;
        }
        else
        {
            var exponent = n - 1;
            var sign = exponent < 0 ? "-" : "+";
            var mantissa = k == 1 ? digits : digits[..1] + "." + digits[1..];
            text = mantissa + "e" + sign + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        }

        return negative ? "-" + text : text;
    }

    /// <summary>Splits a .NET round-trip string into significant digits and the decimal point's position (value = 0.digits × 10^position).</summary>
    private static (string Digits, int PointPosition) Decompose(string roundTrip)
    {
        var exponent = 0;
        var mantissa = roundTrip;
        var e = roundTrip.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(roundTrip.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = roundTrip[..e];
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fraction = dot >= 0 ? mantissa[(dot + 1)..] : string.Empty;
        var allDigits = integerPart + fraction;
        var point = integerPart.Length + exponent;
        var leadingZeros = 0;
        while (leadingZeros < allDigits.Length - 1 && allDigits[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        var digits = allDigits[leadingZeros..].TrimEnd('0');
        return (digits.Length == 0 ? "0" : digits, point - leadingZeros);
    }
}
