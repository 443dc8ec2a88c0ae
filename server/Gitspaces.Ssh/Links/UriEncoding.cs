using System.Text;

namespace Gitspaces.Ssh.Links;

/// <summary>Percent-encoding (RFC 3986) for link parameters and paths.</summary>
internal static class UriEncoding
{
    /// <summary>Encodes a query or fragment value: everything but unreserved characters.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The encoded value.</returns>
    public static string Component(string value) => Encode(value, keepSlash: false);

    /// <summary>Encodes an absolute path, keeping its slashes.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The encoded path.</returns>
    public static string Path(string path) => Encode(path, keepSlash: true);

    /// <summary>Joins parameters as <c>k=v&amp;k=v</c>, each part encoded.</summary>
    /// <param name="parameters">The parameters, in order.</param>
    /// <returns>The query or fragment.</returns>
    public static string Join(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.Select(p => Component(p.Key) + "=" + Component(p.Value)));

    private static string Encode(string value, bool keepSlash)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' || (keepSlash && c == '/'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2"));
            }
        }

        return builder.ToString();
    }
}
