using System.Globalization;
using System.Text;

namespace Gitspaces.DevContainers.Variables;

/// <summary>Strings quoted exactly as JavaScript's JSON.stringify quotes them (non-ASCII kept, lone surrogates escaped).</summary>
internal static class JsString
{
    public static void AppendQuoted(StringBuilder builder, string value)
    {
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (c < 0x20 || (char.IsSurrogate(c) && !IsPairedSurrogate(value, i)))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    private static bool IsPairedSurrogate(string value, int index)
        => char.IsHighSurrogate(value[index])
            ? index + 1 < value.Length && char.IsLowSurrogate(value[index + 1])
            : index > 0 && char.IsHighSurrogate(value[index - 1]);
}
