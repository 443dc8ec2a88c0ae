using System.Text.Json;

namespace Gitspaces.Server.Rpc;

/// <summary>Tells responses from notifications among the frames StreamJsonRpc sends, without deserializing them.</summary>
internal static class OutgoingFrame
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    /// <summary>
    /// Returns whether a whole frame (header and body) carries a response: its top level has <c>result</c> or
    /// <c>error</c>, which no request or notification has. It stops at the first telling member, so a large result
    /// or a stream of log notifications is not read through.
    /// </summary>
    /// <param name="frame">The frame as written to the client.</param>
    /// <returns><see langword="true"/> for a response.</returns>
    public static bool IsResponse(ReadOnlySpan<byte> frame)
    {
        var headerEnd = frame.IndexOf(HeaderEnd);
        if (headerEnd < 0)
        {
            return false;
        }

        var reader = new Utf8JsonReader(frame[(headerEnd + HeaderEnd.Length)..], new JsonReaderOptions { MaxDepth = 512 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("method"u8))
                {
                    return false;
                }

                if (reader.ValueTextEquals("result"u8) || reader.ValueTextEquals("error"u8))
                {
                    return true;
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }
}
