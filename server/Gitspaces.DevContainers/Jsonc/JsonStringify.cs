using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Jsonc;

/// <summary>
/// Writes JSON text as JavaScript's <c>JSON.stringify(value)</c> does: no whitespace, and only quotes, backslashes,
/// control characters and lone surrogates escaped, so the text is the reference CLI's. Utf8JsonWriter escapes more
/// (emoji even with the relaxed encoder; all non-ASCII and HTML characters with the default one), and the first string
/// it escapes builds the encoder's tables, which costs a process that prints one configuration milliseconds of start-up.
/// </summary>
public sealed class JsonStringify : IDisposable
{
    private readonly StringBuilder text;
    private MemoryStream? numberBuffer;
    private Utf8JsonWriter? numberWriter;

    /// <summary>Initializes a new instance of the <see cref="JsonStringify"/> class that appends to <paramref name="text"/>.</summary>
    /// <param name="text">Where the JSON text goes.</param>
    public JsonStringify(StringBuilder text)
    {
        ArgumentNullException.ThrowIfNull(text);
        this.text = text;
    }

    /// <summary>Returns the JSON text of <paramref name="node"/> (<c>null</c> for a null node).</summary>
    /// <param name="node">The value.</param>
    public static string Stringify(JsonNode? node)
    {
        var text = new StringBuilder();
        using var writer = new JsonStringify(text);
        writer.Value(node);
        return text.ToString();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        this.numberWriter?.Dispose();
        this.numberBuffer?.Dispose();
    }

    /// <summary>Appends <paramref name="value"/> as a JSON string, quoted and escaped as JSON.stringify escapes it.</summary>
    /// <param name="value">The string.</param>
    /// <returns>This writer.</returns>
    public JsonStringify Quoted(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = this.text.Append('"');
        var clean = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                // A surrogate pair stays as it is; only a lone surrogate is escaped.
                i++;
                continue;
            }

            var escape = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < ' ' || char.IsSurrogate(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => null,
            };
            if (escape is not null)
            {
                text.Append(value, clean, i - clean).Append(escape);
                clean = i + 1;
            }
        }

        text.Append(value, clean, value.Length - clean).Append('"');
        return this;
    }

    /// <summary>Appends raw JSON punctuation or an already-written value.</summary>
    /// <param name="json">JSON text.</param>
    /// <returns>This writer.</returns>
    public JsonStringify Raw(string json)
    {
        this.text.Append(json);
        return this;
    }

    /// <summary>Appends <paramref name="node"/> as JSON.stringify writes it (<c>null</c> for a null node).</summary>
    /// <param name="node">The value.</param>
    /// <returns>This writer.</returns>
    public JsonStringify Value(JsonNode? node)
    {
        switch (node)
        {
            case null:
                this.text.Append("null");
                break;
            case JsonObject obj:
                this.text.Append('{');
                var first = true;
                foreach (var (key, child) in obj)
                {
                    if (!first)
                    {
                        this.text.Append(',');
                    }

                    first = false;
                    this.Quoted(key).Raw(":").Value(child);
                }

                this.text.Append('}');
                break;
            case JsonArray array:
                this.text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        this.text.Append(',');
                    }

                    this.Value(array[i]);
                }

                this.text.Append(']');
                break;
            default:
                this.Scalar((JsonValue)node);
                break;
        }

        return this;
    }

    private void Scalar(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String when value.TryGetValue<string>(out var text):
                this.Quoted(text);
                break;
            case JsonValueKind.True:
                this.text.Append("true");
                break;
            case JsonValueKind.False:
                this.text.Append("false");
                break;
            case JsonValueKind.Null:
                this.text.Append("null");
                break;
            default:
                // Numbers (as the node holds them: JsNumber made them JavaScript's text) and anything unusual: the
                // writer's own text, which needs no escaping tables for a number.
                // (A MemoryStream, not ArrayBufferWriter<byte>: that generic is compiled at start-up.)
                this.numberBuffer ??= new MemoryStream();
                this.numberWriter ??= new Utf8JsonWriter(this.numberBuffer);
                value.WriteTo(this.numberWriter);
                this.numberWriter.Flush();
                this.text.Append(Encoding.UTF8.GetString(this.numberBuffer.GetBuffer(), 0, (int)this.numberBuffer.Length));
                this.numberBuffer.SetLength(0);
                this.numberWriter.Reset();
                break;
        }
    }
}
