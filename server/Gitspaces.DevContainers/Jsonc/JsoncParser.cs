using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Jsonc;

/// <summary>
/// A port of jsonc-parser 3.3's scanner and <c>parse</c> (the reference CLI calls it without an error collector):
/// comments, trailing commas, duplicate keys last-wins, and every syntax error recovered from the same way, so the
/// values we get are the values the reference gets. Unlike it, we keep the offset of every value and property and
/// stop at a nesting depth instead of overflowing the stack.
/// </summary>
internal sealed class JsoncParser
{
    private readonly string text;
    private readonly int maxDepth;
    private readonly List<JsoncSyntaxError> errors = [];
    private readonly Dictionary<JsonNode, int> valueOffsets = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<JsonObject, Dictionary<string, int>> propertyOffsets = new(ReferenceEqualityComparer.Instance);
    private readonly StringBuilder stringBuilder = new();
    private int pos;
    private int tokenOffset;
    private Token token;
    private string tokenValue = string.Empty;
    private ScanError scanError;
    private int depth;

    private JsoncParser(string text, int maxDepth)
    {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    private enum Token
    {
        Unknown,
        OpenBrace,
        CloseBrace,
        OpenBracket,
        CloseBracket,
        Comma,
        Colon,
        Null,
        True,
        False,
        String,
        Number,
        LineComment,
        BlockComment,
        LineBreak,
        Trivia,
        Eof,
    }

    private enum ScanError
    {
        None,
        UnexpectedEndOfComment,
        UnexpectedEndOfString,
        UnexpectedEndOfNumber,
        InvalidUnicode,
        InvalidEscapeCharacter,
        InvalidCharacter,
    }

    [Flags]
    private enum Stop
    {
        None = 0,
        CloseBrace = 1,
        CloseBracket = 2,
        Comma = 4,
    }

    /// <summary>Parses <paramref name="text"/>; never throws for any input.</summary>
    /// <param name="text">The JSONC text.</param>
    /// <param name="maxDepth">How many objects and arrays may nest before parsing stops with <see cref="JsoncDocument.NestingTooDeep"/>.</param>
    public static JsoncDocument Parse(string text, int maxDepth)
    {
        var parser = new JsoncParser(text, maxDepth);
        JsonNode? root = null;
        var hasValue = false;
        var tooDeep = false;
        try
        {
            parser.ScanNext();
            if (parser.token == Token.Eof)
            {
                parser.Error("a value was expected but the file has none");
            }
            else if (!parser.ParseValue(out root))
            {
                parser.Error("a value was expected");
            }
            else
            {
                hasValue = true;
                if (parser.token != Token.Eof)
                {
                    parser.Error("the end of the file was expected after the top-level value; the rest is ignored");
                }
            }
        }
        catch (NestingTooDeepException)
        {
            tooDeep = true;
            root = null;
            hasValue = false;
        }

        return new JsoncDocument(text, root, hasValue, parser.errors, tooDeep, parser.valueOffsets, parser.propertyOffsets);
    }

    private static bool IsWhiteSpace(char c) => c is ' ' or '\t';

    private static bool IsLineBreak(char c) => c is '\n' or '\r';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsUnknownContentCharacter(char c)
        => !IsWhiteSpace(c) && !IsLineBreak(c) && c is not ('}' or ']' or '{' or '[' or '"' or ':' or ',' or '/');

    private static bool Matches(Stop set, Token t) => t switch
    {
        Token.CloseBrace => (set & Stop.CloseBrace) != 0,
        Token.CloseBracket => (set & Stop.CloseBracket) != 0,
        Token.Comma => (set & Stop.Comma) != 0,
        _ => false,
    };

    private void Error(string message, Stop skipUntilAfter = Stop.None, Stop skipUntil = Stop.None, string code = DiagnosticCodes.SyntaxError)
    {
        this.errors.Add(new JsoncSyntaxError(this.tokenOffset, code, message));
        if (skipUntilAfter == Stop.None && skipUntil == Stop.None)
        {
            return;
        }

        while (this.token != Token.Eof)
        {
            if (Matches(skipUntilAfter, this.token))
            {
                this.ScanNext();
                break;
            }

            if (Matches(skipUntil, this.token))
            {
                break;
            }

            this.ScanNext();
        }
    }

    private Token ScanNext()
    {
        while (true)
        {
            var t = this.Scan();
            switch (this.scanError)
            {
                case ScanError.InvalidUnicode:
                    this.Error("invalid \\u escape in a string");
                    break;
                case ScanError.InvalidEscapeCharacter:
                    this.Error("invalid escape character in a string");
                    break;
                case ScanError.UnexpectedEndOfNumber:
                    this.Error("a number ends unexpectedly");
                    break;
                case ScanError.UnexpectedEndOfComment:
                    this.Error("a /* comment is not closed");
                    break;
                case ScanError.UnexpectedEndOfString:
                    this.Error("a string is not closed before the end of its line; it is cut there");
                    break;
                case ScanError.InvalidCharacter:
                    this.Error("a control character inside a string");
                    break;
            }

            switch (t)
            {
                case Token.LineComment:
                case Token.BlockComment:
                case Token.Trivia:
                case Token.LineBreak:
                    break;
                case Token.Unknown:
                    this.Error($"unexpected '{Shorten(this.tokenValue)}'; it is ignored");
                    break;
                default:
                    return t;
            }
        }
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private bool ParseValue(out JsonNode? node)
    {
        switch (this.token)
        {
            case Token.OpenBracket:
                node = this.ParseArray();
                return true;
            case Token.OpenBrace:
                node = this.ParseObject();
                return true;
            case Token.String:
                node = this.Remember(JsonValue.Create(this.tokenValue));
                this.ScanNext();
                return true;
            case Token.Number:
                var number = double.Parse(this.tokenValue, NumberStyles.Float, CultureInfo.InvariantCulture);
                node = this.Remember(JsNumber.ToNode(number));
                this.ScanNext();
                return true;
            case Token.Null:
                node = null;
                this.ScanNext();
                return true;
            case Token.True:
            case Token.False:
                node = this.Remember(JsonValue.Create(this.token == Token.True));
                this.ScanNext();
                return true;
            default:
                node = null;
                return false;
        }
    }

    private JsonNode? Remember(JsonNode? node)
    {
        if (node is not null)
        {
            this.valueOffsets[node] = this.tokenOffset;
        }

        return node;
    }

    private JsonObject ParseObject()
    {
        this.Enter();
        var result = new JsonObject();
        this.Remember(result);
        this.ScanNext();
        var needsComma = false;
        var hasIndexKey = false;
        while (this.token is not Token.CloseBrace and not Token.Eof)
        {
            if (!this.ConsumeSeparator(needsComma, Token.CloseBrace, "a property"))
            {
                break;
            }

            if (!this.ParseProperty(result, ref hasIndexKey))
            {
                this.Error("a value was expected", skipUntil: Stop.CloseBrace | Stop.Comma);
            }

            needsComma = true;
        }

        if (this.token != Token.CloseBrace)
        {
            this.Error("'}' was expected", skipUntilAfter: Stop.CloseBrace);
        }
        else
        {
            this.ScanNext();
        }

        this.depth--;
        if (hasIndexKey)
        {
            JsObjectOrder.Apply(result);
        }

        return result;
    }

    private bool ParseProperty(JsonObject target, ref bool hasIndexKey)
    {
        if (this.token != Token.String)
        {
            this.Error("a property name in double quotes was expected", skipUntil: Stop.CloseBrace | Stop.Comma);
            return false;
        }

        var key = this.tokenValue;
        var keyOffset = this.tokenOffset;
        this.ScanNext();
        if (this.token == Token.Colon)
        {
            this.ScanNext();
            if (this.ParseValue(out var value))
            {
                if (target.ContainsKey(key))
                {
                    this.errors.Add(new JsoncSyntaxError(keyOffset, DiagnosticCodes.DuplicateKey, $"\"{key}\" appears more than once; the last one wins"));
                }

                target[key] = value;
                hasIndexKey |= JsObjectOrder.IsArrayIndex(key);
                if (!this.propertyOffsets.TryGetValue(target, out var keys))
                {
                    keys = new Dictionary<string, int>(StringComparer.Ordinal);
                    this.propertyOffsets[target] = keys;
                }

                keys[key] = keyOffset;
            }
            else
            {
                this.Error($"a value was expected for \"{key}\"", skipUntil: Stop.CloseBrace | Stop.Comma);
            }
        }
        else
        {
            this.Error($"':' was expected after \"{key}\"", skipUntil: Stop.CloseBrace | Stop.Comma);
        }

        return true;
    }

    private JsonArray ParseArray()
    {
        this.Enter();
        var result = new JsonArray();
        this.Remember(result);
        this.ScanNext();
        var needsComma = false;
        while (this.token is not Token.CloseBracket and not Token.Eof)
        {
            if (!this.ConsumeSeparator(needsComma, Token.CloseBracket, "a value"))
            {
                break;
            }

            if (this.ParseValue(out var value))
            {
                result.Add(value);
            }
            else
            {
                this.Error("a value was expected", skipUntil: Stop.CloseBracket | Stop.Comma);
            }

            needsComma = true;
        }

        if (this.token != Token.CloseBracket)
        {
            this.Error("']' was expected", skipUntilAfter: Stop.CloseBracket);
        }
        else
        {
            this.ScanNext();
        }

        this.depth--;
        return result;
    }

    /// <summary>Handles what comes between two members; false when a trailing comma ends the container.</summary>
    private bool ConsumeSeparator(bool needsComma, Token close, string member)
    {
        if (this.token != Token.Comma)
        {
            if (needsComma)
            {
                this.Error("a comma was expected");
            }

            return true;
        }

        if (!needsComma)
        {
            this.Error($"{member} was expected before this comma");
        }

        this.ScanNext();
        if (this.token != close)
        {
            return true;
        }

        // jsonc-parser goes on to fail on the closing token and then stops: the same value, with more noise.
        this.errors.Add(new JsoncSyntaxError(this.tokenOffset, DiagnosticCodes.TrailingComma, $"trailing comma before '{(close == Token.CloseBrace ? '}' : ']')}'"));
        return false;
    }

    private void Enter()
    {
        if (++this.depth > this.maxDepth)
        {
            this.errors.Add(new JsoncSyntaxError(this.tokenOffset, DiagnosticCodes.NestingTooDeep, $"values nest more than {this.maxDepth} levels deep"));
            throw new NestingTooDeepException();
        }
    }

    private Token Scan()
    {
        this.tokenValue = string.Empty;
        this.scanError = ScanError.None;
        this.tokenOffset = this.pos;
        var text = this.text;
        var len = text.Length;
        if (this.pos >= len)
        {
            this.tokenOffset = len;
            return this.token = Token.Eof;
        }

        var code = text[this.pos];
        if (IsWhiteSpace(code))
        {
            do
            {
                this.pos++;
            }
            while (this.pos < len && IsWhiteSpace(text[this.pos]));
            return this.token = Token.Trivia;
        }

        if (IsLineBreak(code))
        {
            this.pos++;
            if (code == '\r' && this.pos < len && text[this.pos] == '\n')
            {
                this.pos++;
            }

            return this.token = Token.LineBreak;
        }

        switch (code)
        {
            case '{':
                this.pos++;
                return this.token = Token.OpenBrace;
            case '}':
                this.pos++;
                return this.token = Token.CloseBrace;
            case '[':
                this.pos++;
                return this.token = Token.OpenBracket;
            case ']':
                this.pos++;
                return this.token = Token.CloseBracket;
            case ':':
                this.pos++;
                return this.token = Token.Colon;
            case ',':
                this.pos++;
                return this.token = Token.Comma;
            case '"':
                this.pos++;
                this.tokenValue = this.ScanString();
                return this.token = Token.String;
            case '/':
                return this.token = this.ScanSlash();
            case '-':
                this.pos++;
                if (this.pos == len || !IsDigit(text[this.pos]))
                {
                    this.tokenValue = "-";
                    return this.token = Token.Unknown;
                }

                this.tokenValue = "-" + this.ScanNumber();
                return this.token = Token.Number;
            case >= '0' and <= '9':
                this.tokenValue = this.ScanNumber();
                return this.token = Token.Number;
            default:
                while (this.pos < len && IsUnknownContentCharacter(text[this.pos]))
                {
                    this.pos++;
                }

                if (this.tokenOffset != this.pos)
                {
                    this.tokenValue = text[this.tokenOffset..this.pos];
                    return this.token = this.tokenValue switch
                    {
                        "true" => Token.True,
                        "false" => Token.False,
                        "null" => Token.Null,
                        _ => Token.Unknown,
                    };
                }

                this.tokenValue = code.ToString();
                this.pos++;
                return this.token = Token.Unknown;
        }
    }

    private Token ScanSlash()
    {
        var text = this.text;
        var len = text.Length;
        var start = this.pos;
        if (start + 1 < len && text[start + 1] == '/')
        {
            this.pos += 2;
            while (this.pos < len && !IsLineBreak(text[this.pos]))
            {
                this.pos++;
            }

            return Token.LineComment;
        }

        if (start + 1 < len && text[start + 1] == '*')
        {
            this.pos += 2;
            var safeLength = len - 1;
            var closed = false;
            while (this.pos < safeLength)
            {
                if (text[this.pos] == '*' && text[this.pos + 1] == '/')
                {
                    this.pos += 2;
                    closed = true;
                    break;
                }

                this.pos++;
            }

            if (!closed)
            {
                this.pos = Math.Min(this.pos + 1, len);
                this.scanError = ScanError.UnexpectedEndOfComment;
            }

            return Token.BlockComment;
        }

        this.tokenValue = "/";
        this.pos++;
        return Token.Unknown;
    }

    private string ScanNumber()
    {
        var text = this.text;
        var len = text.Length;
        var start = this.pos;
        if (text[this.pos] == '0')
        {
            this.pos++;
        }
        else
        {
            this.pos++;
            while (this.pos < len && IsDigit(text[this.pos]))
            {
                this.pos++;
            }
        }

        if (this.pos < len && text[this.pos] == '.')
        {
            this.pos++;
            if (this.pos < len && IsDigit(text[this.pos]))
            {
                this.pos++;
                while (this.pos < len && IsDigit(text[this.pos]))
                {
                    this.pos++;
                }
            }
            else
            {
                this.scanError = ScanError.UnexpectedEndOfNumber;
                return text[start..this.pos];
            }
        }

        var end = this.pos;
        if (this.pos < len && text[this.pos] is 'e' or 'E')
        {
            this.pos++;
            if (this.pos < len && text[this.pos] is '+' or '-')
            {
                this.pos++;
            }

            if (this.pos < len && IsDigit(text[this.pos]))
            {
                this.pos++;
                while (this.pos < len && IsDigit(text[this.pos]))
                {
                    this.pos++;
                }

                end = this.pos;
            }
            else
            {
                this.scanError = ScanError.UnexpectedEndOfNumber;
            }
        }

        return text[start..end];
    }

    private string ScanString()
    {
        var text = this.text;
        var len = text.Length;
        var result = this.stringBuilder.Clear();
        var start = this.pos;
        while (true)
        {
            if (this.pos >= len)
            {
                result.Append(text, start, this.pos - start);
                this.scanError = ScanError.UnexpectedEndOfString;
                break;
            }

            var ch = text[this.pos];
            if (ch == '"')
            {
                result.Append(text, start, this.pos - start);
                this.pos++;
                break;
            }

            if (ch == '\\')
            {
                result.Append(text, start, this.pos - start);
                this.pos++;
                if (this.pos >= len)
                {
                    this.scanError = ScanError.UnexpectedEndOfString;
                    break;
                }

                var escaped = text[this.pos++];
                switch (escaped)
                {
                    case '"':
                        result.Append('"');
                        break;
                    case '\\':
                        result.Append('\\');
                        break;
                    case '/':
                        result.Append('/');
                        break;
                    case 'b':
                        result.Append('\b');
                        break;
                    case 'f':
                        result.Append('\f');
                        break;
                    case 'n':
                        result.Append('\n');
                        break;
                    case 'r':
                        result.Append('\r');
                        break;
                    case 't':
                        result.Append('\t');
                        break;
                    case 'u':
                        var unit = this.ScanHex4();
                        if (unit >= 0)
                        {
                            result.Append((char)unit);
                        }
                        else
                        {
                            this.scanError = ScanError.InvalidUnicode;
                        }

                        break;
                    default:
                        this.scanError = ScanError.InvalidEscapeCharacter;
                        break;
                }

                start = this.pos;
                continue;
            }

            if (ch <= 0x1f)
            {
                if (IsLineBreak(ch))
                {
                    result.Append(text, start, this.pos - start);
                    this.scanError = ScanError.UnexpectedEndOfString;
                    break;
                }

                this.scanError = ScanError.InvalidCharacter;
            }

            this.pos++;
        }

        return result.ToString();
    }

    private int ScanHex4()
    {
        var value = 0;
        var digits = 0;
        while (digits < 4 && this.pos < this.text.Length)
        {
            var c = this.text[this.pos];
            int digit;
            if (c is >= '0' and <= '9')
            {
                digit = c - '0';
            }
            else if (c is >= 'a' and <= 'f')
            {
                digit = c - 'a' + 10;
            }
            else if (c is >= 'A' and <= 'F')
            {
                digit = c - 'A' + 10;
            }
            else
            {
                break;
            }

            value = (value * 16) + digit;
            this.pos++;
            digits++;
        }

        return digits < 4 ? -1 : value;
    }

    private sealed class NestingTooDeepException : Exception
    {
    }
}
