using System.Text.Json;

namespace Gitspaces.Server.Rpc;

/// <summary>Tells responses from notifications among the frames StreamJsonRpc sends, without deserializing them.</summary>
internal static class OutgoingFrame
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    /// <summary>Returns whether a whole frame (header and body) carries a response: an id and no method.</summary>
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
        var hasId = false;
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

                hasId |= reader.ValueTextEquals("id"u8);
                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return hasId;
    }
}
