using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Jsonc;

/// <summary>A parsed JSONC text: its value, the syntax problems recovered from, and where every value and property sits.</summary>
internal sealed class JsoncDocument
{
    private readonly string text;
    private readonly Dictionary<JsonNode, int> valueOffsets;
    private readonly Dictionary<JsonObject, Dictionary<string, int>> propertyOffsets;
    private int[]? lineStarts;

    internal JsoncDocument(
        string text,
        JsonNode? root,
        bool hasValue,
        IReadOnlyList<JsoncSyntaxError> errors,
        bool nestingTooDeep,
        Dictionary<JsonNode, int> valueOffsets,
        Dictionary<JsonObject, Dictionary<string, int>> propertyOffsets)
    {
        this.text = text;
        this.Root = root;
        this.HasValue = hasValue;
        this.Errors = errors;
        this.NestingTooDeep = nestingTooDeep;
        this.valueOffsets = valueOffsets;
        this.propertyOffsets = propertyOffsets;
    }

    /// <summary>Gets the first top-level value (null for JSON null or when there is none).</summary>
    public JsonNode? Root { get; }

    /// <summary>Gets a value indicating whether the text held any value at all (jsonc-parser returns undefined otherwise).</summary>
    public bool HasValue { get; }

    /// <summary>Gets the syntax problems recovered from, in text order.</summary>
    public IReadOnlyList<JsoncSyntaxError> Errors { get; }

    /// <summary>Gets a value indicating whether parsing stopped because values nest deeper than allowed.</summary>
    public bool NestingTooDeep { get; }

    /// <summary>Gets the offset where <paramref name="node"/> starts, or -1 when unknown (for example a JSON null).</summary>
    public int OffsetOf(JsonNode? node) => node is not null && this.valueOffsets.TryGetValue(node, out var offset) ? offset : -1;

    /// <summary>Gets the offset of the last occurrence of <paramref name="key"/> in <paramref name="parent"/>, or -1.</summary>
    public int OffsetOfProperty(JsonObject parent, string key)
        => this.propertyOffsets.TryGetValue(parent, out var keys) && keys.TryGetValue(key, out var offset) ? offset : -1;

    /// <summary>Gets the 1-based line and column of a UTF-16 offset (line breaks as the scanner counts them: LF, CRLF, CR).</summary>
    public (int Line, int Column) LineColumnOf(int offset)
    {
        if (offset < 0)
        {
            return (1, 1);
        }

        var starts = this.lineStarts ??= ComputeLineStarts(this.text);
        var index = Array.BinarySearch(starts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - starts[line] + 1);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
                starts.Add(i + 1);
            }
            else if (c is '\r' or '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
